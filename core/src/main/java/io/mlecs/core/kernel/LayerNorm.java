package io.mlecs.core.kernel;

/**
 * Row-wise layer norm y = (x - mean) / sqrt(var + eps) g + b with the biased variance and
 * eps = 1e-5, as the SameDiff graph computes it. The gain and bias are frozen backbone weights,
 * so the backward pass gives the input gradient only.
 */
final class LayerNorm {
  static final double EPS = 1e-5;

  private LayerNorm() {}

  /** Writes y, the normalised input xhat and the reciprocal standard deviation of every row. */
  static void forward(Mat x, Mat g, Mat b, Mat y, Mat xhat, double[] rstd) {
    int d = x.cols;
    for (int r = 0; r < x.rows; r++) {
      int base = r * d;
      double mean = 0;
      for (int c = 0; c < d; c++) {
        mean += x.get(base + c);
      }
      mean /= d;
      double var = 0;
      for (int c = 0; c < d; c++) {
        double z = x.get(base + c) - mean;
        var += z * z;
      }
      var /= d;
      double std = Math.sqrt(var + EPS);
      rstd[r] = 1.0 / std;
      for (int c = 0; c < d; c++) {
        double h = (x.get(base + c) - mean) / std;
        xhat.set(base + c, h);
        y.set(base + c, h * g.get(c) + b.get(c));
      }
    }
  }

  /**
   * dx += rstd (dxhat - mean(dxhat) - xhat mean(dxhat xhat)) with dxhat = dy g, row by row.
   */
  static void backwardAdd(Mat dy, Mat g, Mat xhat, double[] rstd, Mat dx) {
    int d = dy.cols;
    double[] dh = new double[d];
    for (int r = 0; r < dy.rows; r++) {
      int base = r * d;
      double sum = 0;
      double dot = 0;
      for (int c = 0; c < d; c++) {
        double v = dy.get(base + c) * g.get(c);
        dh[c] = v;
        sum += v;
        dot += v * xhat.get(base + c);
      }
      double meanDh = sum / d;
      double meanDot = dot / d;
      for (int c = 0; c < d; c++) {
        dx.add(base + c, rstd[r] * (dh[c] - meanDh - xhat.get(base + c) * meanDot));
      }
    }
  }
}
