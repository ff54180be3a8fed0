package io.mlecs.core.kernel;

/** Determinants and cofactors of small (k <= 4) row-major matrices by Laplace expansion. */
final class Determinants {
  private Determinants() {}

  /** det of the k x k matrix m (row-major). */
  static double of(double[] m, int k) {
    return switch (k) {
      case 1 -> m[0];
      case 2 -> m[0] * m[3] - m[1] * m[2];
      default -> {
        double total = 0;
        double[] minor = new double[(k - 1) * (k - 1)];
        for (int c = 0; c < k; c++) {
          minorOf(m, k, 0, c, minor);
          double term = m[c] * of(minor, k - 1);
          total += c % 2 == 0 ? term : -term;
        }
        yield total;
      }
    };
  }

  /** out[i * k + j] = (-1)^(i + j) det(m without row i and column j), k >= 2. */
  static void cofactors(double[] m, int k, double[] out) {
    double[] minor = new double[(k - 1) * (k - 1)];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        minorOf(m, k, i, j, minor);
        double d = of(minor, k - 1);
        out[i * k + j] = (i + j) % 2 == 0 ? d : -d;
      }
    }
  }

  private static void minorOf(double[] m, int k, int row, int col, double[] out) {
    int n = 0;
    for (int r = 0; r < k; r++) {
      if (r == row) {
        continue;
      }
      for (int c = 0; c < k; c++) {
        if (c != col) {
          out[n++] = m[r * k + c];
        }
      }
    }
  }
}
