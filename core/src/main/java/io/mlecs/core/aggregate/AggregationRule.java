package io.mlecs.core.aggregate;

/** How much one device's update weighs in the server's average. */
public enum AggregationRule {
  /** MMA (Eq. 13): w_j = |M_j| / sum_i |M_i|, the device's number of modalities. */
  MODALITY_WEIGHTED,
  /** Plain average: every device weighs the same (the ML-ECS w/o MMA ablation). */
  UNIFORM,
  /** FedAvg: w_j = n_j / sum_i n_i, the device's number of local training samples. */
  SAMPLE_COUNT;

  /**
   * The unnormalised weight of a device with {@code modalityCount} modalities and
   * {@code sampleCount} local training samples (the accumulator divides by the sum).
   */
  public long weight(int modalityCount, int sampleCount) {
    return switch (this) {
      case MODALITY_WEIGHTED -> modalityCount;
      case UNIFORM -> 1;
      case SAMPLE_COUNT -> sampleCount;
    };
  }
}
