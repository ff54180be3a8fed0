package io.mlecs.core.loss;

import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * GRAM-style contrastive loss over a volume matrix (Eqs. 7-8 of the paper): logits(u, v) =
 * -V(anchor_u, modalities of v) / tau. Anchor-to-others (A2O) is the cross-entropy of each anchor
 * row over all candidate tuples (target: its own sample); others-to-anchor (O2A) the
 * cross-entropy of each tuple column over all anchors. The labels are the (optionally
 * label-smoothed) identity, fed as a placeholder because the batch size varies.
 */
public final class GramContrastiveLoss {
  private GramContrastiveLoss() {}

  /**
   * The symmetric loss (L_A2O + L_O2A) / 2 as ONE cross-entropy over the rows of [logits;
   * logits^T] (both halves are means over B rows, so the mean over 2B rows is their average).
   * One loss op matters: SameDiff M2.1 seeds the gradient of every {@code sd.loss()} output with
   * 1, whatever coefficient the output is later multiplied by.
   *
   * @param volume [B, B] volume matrix, rows = anchors
   * @param logTau scalar variable holding log(tau)
   * @param targets [B, B] target distribution per row (identity, or label-smoothed identity)
   */
  public static SDVariable symmetric(SameDiff sd, String name, SDVariable volume,
      SDVariable logTau, SDVariable targets) {
    SDVariable logits = logits(sd, volume, logTau);
    SDVariable both = sd.concat(0, logits, logits.permute(1, 0));
    SDVariable bothTargets = sd.concat(0, targets, targets.permute(1, 0));
    return sd.loss().softmaxCrossEntropy(name, bothTargets, both, null,
        LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT, 0.0);
  }

  /** Anchor-to-others alone: cross-entropy of each anchor row (used by reference checks). */
  public static SDVariable anchorToOthers(SameDiff sd, String name, SDVariable volume,
      SDVariable logTau, SDVariable targets) {
    return sd.loss().softmaxCrossEntropy(name, targets, logits(sd, volume, logTau), null,
        LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT, 0.0);
  }

  /** Others-to-anchor alone: cross-entropy of each tuple column (used by reference checks). */
  public static SDVariable othersToAnchor(SameDiff sd, String name, SDVariable volume,
      SDVariable logTau, SDVariable targets) {
    return sd.loss().softmaxCrossEntropy(name, targets.permute(1, 0),
        logits(sd, volume, logTau).permute(1, 0), null, LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT,
        0.0);
  }

  /** logits = -V / tau. */
  static SDVariable logits(SameDiff sd, SDVariable volume, SDVariable logTau) {
    // 1/tau expanded to [B, B] with matrix products rather than a broadcast multiply
    SDVariable onesCol = sd.onesLike(volume).get(SDIndex.all(), SDIndex.interval(0, 1));
    SDVariable invTau = sd.math().exp(logTau.neg()).reshape(1, 1);
    SDVariable scale = onesCol.mmul(invTau).mmul(onesCol.permute(1, 0));
    return volume.neg().mul(scale);
  }

  /** Identity targets with label smoothing: (1 - s) * I + s / B. */
  public static double[][] targets(int batch, double smoothing) {
    double[][] t = new double[batch][batch];
    for (int i = 0; i < batch; i++) {
      for (int j = 0; j < batch; j++) {
        t[i][j] = (i == j ? 1.0 - smoothing : 0.0) + smoothing / batch;
      }
    }
    return t;
  }
}
