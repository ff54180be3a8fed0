package io.mlecs.core.kernel;

/**
 * The knowledge-transfer term L_kt of {@code io.mlecs.core.loss.KnowledgeTransferLoss}: (1 / B)
 * sum over scored positions r of KL(p_t(r) || softmax(y_s(r) / T)), p_t the teacher's
 * temperature softmax (a constant), as the SameDiff graph computes it (log(p_t + 1e-12)).
 */
final class KnowledgeTransfer {
  private KnowledgeTransfer() {}

  /**
   * Returns weight x L_kt and adds its gradient with respect to the student logits to
   * {@code dlogits}.
   */
  static double forwardBackwardAdd(Mat logits, Mat teacher, Mat weights, double batch,
      double temperature, double weight, Mat dlogits) {
    int n = logits.rows;
    int v = logits.cols;
    double[] p = new double[v];
    double total = 0;
    for (int r = 0; r < n; r++) {
      double w = weights.get(r);
      int base = r * v;
      double lse = MaskedCrossEntropy.softmaxRow(logits, base, v, temperature, p);
      double tSum = 0;
      double kl = 0;
      for (int c = 0; c < v; c++) {
        double pt = teacher.get(base + c);
        double logPs = logits.get(base + c) / temperature - lse;
        kl += pt * (Math.log(pt + 1e-12) - logPs);
        tSum += pt;
      }
      total += w * kl;
      double scale = weight * w / (batch * temperature);
      if (scale != 0.0) {
        for (int c = 0; c < v; c++) {
          dlogits.add(base + c, scale * (p[c] * tSum - teacher.get(base + c)));
        }
      }
    }
    return weight * total / batch;
  }
}
