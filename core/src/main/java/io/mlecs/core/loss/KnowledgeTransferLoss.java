package io.mlecs.core.loss;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Knowledge-transfer loss L_kt (Eq. 14): the teacher's and student's per-position logits are
 * average-pooled to the same number of positions (done for the teacher outside the graph by
 * {@link LogitPooling}; both models here share one tokenizer, so the shared vocabulary is the
 * whole vocabulary), then L_kt = (1/B) sum over positions of KL(softmax(y_t/T) || softmax(y_s/T)).
 * Positions with weight 0 (padding after EOS) are excluded.
 */
public final class KnowledgeTransferLoss {
  private KnowledgeTransferLoss() {}

  /**
   * @param studentLogits [N, V] student logits at the N = B * S target positions
   * @param teacherProbs [N, V] softmax(teacher / T), a constant for the student
   * @param weights [N] position weights (1 = scored)
   * @param batch [] or [1] scalar variable holding B
   * @param temperature T
   */
  public static SDVariable build(SameDiff sd, String name, SDVariable studentLogits,
      SDVariable teacherProbs, SDVariable weights, SDVariable batch, double temperature) {
    SDVariable z = studentLogits.div(temperature);
    SDVariable logPs = logSoftmaxRows(sd, z);
    SDVariable logPt = sd.math().log(teacherProbs.add(1e-12));
    SDVariable klPerPosition = teacherProbs.mul(logPt.sub(logPs)).sum(false, 1);
    SDVariable total = klPerPosition.mul(weights).sum();
    return sd.math().div(name, total, batch);
  }

  /** log softmax over the last axis of a [N, V] variable (x - max - log sum exp(x - max)). */
  public static SDVariable logSoftmaxRows(SameDiff sd, SDVariable x) {
    SDVariable max = x.max(true, 1);
    SDVariable shifted = x.sub(max);
    SDVariable lse = sd.math().log(sd.math().exp(shifted).sum(true, 1));
    return shifted.sub(lse);
  }
}
