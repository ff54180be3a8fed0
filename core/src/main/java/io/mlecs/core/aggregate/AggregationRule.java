package io.mlecs.core.aggregate;

/** How much one device's update weighs in the server's average. */
public enum AggregationRule {
  /** MMA (Eq. 13): w_j = |M_j| / sum_i |M_i|, the device's number of modalities. */
  MODALITY_WEIGHTED,
  /** Plain average: every device weighs the same (the ML-ECS w/o MMA ablation). */
  UNIFORM;

  public long weight(int modalityCount) {
    return this == MODALITY_WEIGHTED ? modalityCount : 1;
  }
}
