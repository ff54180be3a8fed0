package io.mlecs.core.kernel;

/**
 * Softmax cross-entropy of logits [n, V] against target distributions [n, V] with per-row
 * weights, reduced as the SameDiff graph's {@code MEAN_BY_NONZERO_WEIGHT_COUNT}: sum of
 * weight x row loss over the number of non-zero weights (0 when every weight is 0).
 */
final class MaskedCrossEntropy {
  private MaskedCrossEntropy() {}

  /** Returns the loss and writes its gradient with respect to the logits into {@code dlogits}. */
  static double forwardBackward(Mat logits, Mat labels, Mat weights, Mat dlogits) {
    int n = logits.rows;
    int v = logits.cols;
    int nonZero = 0;
    for (int r = 0; r < n; r++) {
      if (weights.get(r) != 0.0) {
        nonZero++;
      }
    }
    double loss = 0;
    double[] p = new double[v];
    for (int r = 0; r < n; r++) {
      int base = r * v;
      double lse = softmaxRow(logits, base, v, 1.0, p);
      double w = weights.get(r);
      double scale = nonZero == 0 ? 0.0 : w / nonZero;
      double ySum = 0;
      double rowLoss = 0;
      for (int c = 0; c < v; c++) {
        double y = labels.get(base + c);
        ySum += y;
        rowLoss -= y * (logits.get(base + c) - lse);
      }
      loss += scale * rowLoss;
      for (int c = 0; c < v; c++) {
        dlogits.set(base + c, scale * (p[c] * ySum - labels.get(base + c)));
      }
    }
    return loss;
  }

  /**
   * Softmax of row {@code base .. base + v - 1} of {@code logits} divided by {@code temperature}:
   * writes the probabilities into {@code p} and returns log sum exp of the scaled row (max-shifted).
   */
  static double softmaxRow(Mat logits, int base, int v, double temperature, double[] p) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < v; c++) {
      max = Math.max(max, logits.get(base + c) / temperature);
    }
    double z = 0;
    for (int c = 0; c < v; c++) {
      p[c] = Math.exp(logits.get(base + c) / temperature - max);
      z += p[c];
    }
    for (int c = 0; c < v; c++) {
      p[c] /= z;
    }
    return max + Math.log(z);
  }
}
