package io.mlecs.core.kernel;

/** A linear layer y = x W (+ b) and its gradients, W [in, out], b [out]. */
final class Dense {
  private Dense() {}

  /** y = x W + b ({@code b} may be null). */
  static void forward(Mat x, Mat w, Mat b, Mat y) {
    Mat.gemm(x, false, w, false, y, 0.0);
    if (b != null) {
      addRow(y, b);
    }
  }

  /** y += row, for every row of y. */
  static void addRow(Mat y, Mat row) {
    int n = y.cols;
    double[] add = new double[n];
    row.copyTo(add);
    for (int r = 0; r < y.rows; r++) {
      int base = r * n;
      for (int c = 0; c < n; c++) {
        y.add(base + c, add[c]);
      }
    }
  }

  /** dx = beta dx + dy W^T. */
  static void backwardInput(Mat dy, Mat w, Mat dx, double beta) {
    Mat.gemm(dy, false, w, true, dx, beta);
  }

  /** dW = x^T dy and (if {@code db} is not null) db = column sums of dy. */
  static void backwardParams(Mat x, Mat dy, Mat dw, Mat db) {
    Mat.gemm(x, true, dy, false, dw, 0.0);
    if (db != null) {
      columnSums(dy, db);
    }
  }

  /** out[c] = sum over rows of m[r, c]. */
  static void columnSums(Mat m, Mat out) {
    int n = m.cols;
    double[] acc = new double[n];
    for (int r = 0; r < m.rows; r++) {
      int base = r * n;
      for (int c = 0; c < n; c++) {
        acc[c] += m.get(base + c);
      }
    }
    out.copyFrom(acc);
  }
}
