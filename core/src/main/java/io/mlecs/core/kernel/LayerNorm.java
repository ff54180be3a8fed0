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
    double[] gain = new double[d];
    double[] bias = new double[d];
    g.copyTo(gain);
    b.copyTo(bias);
    double[] row = new double[d];
    for (int r = 0; r < x.rows; r++) {
      int base = r * d;
      double mean = 0;
      for (int c = 0; c < d; c++) {
        row[c] = x.get(base + c);
        mean += row[c];
      }
      mean /= d;
      double var = 0;
      for (int c = 0; c < d; c++) {
        double z = row[c] - mean;
        row[c] = z;
        var += z * z;
      }
      var /= d;
      double std = Math.sqrt(var + EPS);
      rstd[r] = 1.0 / std;
      for (int c = 0; c < d; c++) {
        double h = row[c] / std;
        xhat.set(base + c, h);
        y.set(base + c, h * gain[c] + bias[c]);
      }
    }
  }

  /**
   * dx += rstd (dxhat - mean(dxhat) - xhat mean(dxhat xhat)) with dxhat = dy g, row by row.
   */
  static void backwardAdd(Mat dy, Mat g, Mat xhat, double[] rstd, Mat dx) {
    int d = dy.cols;
    double[] gain = new double[d];
    g.copyTo(gain);
    double[] dh = new double[d];
    double[] xh = new double[d];
    for (int r = 0; r < dy.rows; r++) {
      int base = r * d;
      double sum = 0;
      double dot = 0;
      for (int c = 0; c < d; c++) {
        double v = dy.get(base + c) * gain[c];
        double h = xhat.get(base + c);
        dh[c] = v;
        xh[c] = h;
        sum += v;
        dot += v * h;
      }
      double meanDh = sum / d;
      double meanDot = dot / d;
      for (int c = 0; c < d; c++) {
        dx.add(base + c, rstd[r] * (dh[c] - meanDh - xh[c] * meanDot));
      }
    }
  }

  /** Gain and bias gradients (pretraining): dg = sum over rows of dy xhat, db = sum of dy. */
  static void paramGradients(Mat dy, Mat xhat, Mat dg, Mat db) {
    int d = dy.cols;
    double[] gain = new double[d];
    double[] bias = new double[d];
    for (int r = 0; r < dy.rows; r++) {
      int base = r * d;
      for (int c = 0; c < d; c++) {
        double v = dy.get(base + c);
        gain[c] += v * xhat.get(base + c);
        bias[c] += v;
      }
    }
    dg.copyFrom(gain);
    db.copyFrom(bias);
  }
}
