package io.mlecs.core.model;

/**
 * What to build: a unified model of the given shape over the modalities in {@code modalityMask}
 * with the given objective.
 *
 * @param shape tensor shapes
 * @param modalityMask modalities the model has encoders for
 * @param objective loss to compute
 * @param anchorModality for {@link Objective#CCL_SERVER_KT}: dataset index of the anchor modality
 * @param pretrain true: soft tokens come from a placeholder (zeros during backbone pretraining)
 * @param loraDropout true: LoRA dropout masks are fed as placeholders (training)
 * @param ktWeight lambda of the knowledge-transfer term
 * @param ktTemperature temperature T of the knowledge-transfer term
 * @param volumeEps eps inside the Gram-volume square root
 */
public record GraphSpec(
    ModelShape shape,
    int modalityMask,
    Objective objective,
    int anchorModality,
    boolean pretrain,
    boolean loraDropout,
    double ktWeight,
    double ktTemperature,
    double volumeEps) {

  public GraphSpec {
    if (modalityMask == 0 && !pretrain) {
      throw new IllegalArgumentException("a unified model needs at least one modality");
    }
    if (objective == Objective.CCL_SERVER_KT) {
      if (anchorModality < 0 || (modalityMask & (1 << anchorModality)) == 0) {
        throw new IllegalArgumentException(
            "anchorModality " + anchorModality + " is not among the model's modalities");
      }
      if (Integer.bitCount(modalityMask) < 2) {
        throw new IllegalArgumentException("server CCL needs at least two modalities");
      }
    }
  }

  public static GraphSpec of(ModelShape shape, int mask, Objective objective) {
    return new GraphSpec(shape, mask, objective, -1, false, false, 1.0, 1.0, 1e-6);
  }

  public GraphSpec withDropout(boolean on) {
    return new GraphSpec(shape, modalityMask, objective, anchorModality, pretrain, on, ktWeight,
        ktTemperature, volumeEps);
  }

  public GraphSpec withAnchor(int modality) {
    return new GraphSpec(shape, modalityMask, objective, modality, pretrain, loraDropout, ktWeight,
        ktTemperature, volumeEps);
  }

  public GraphSpec withKt(double weight, double temperature) {
    return new GraphSpec(shape, modalityMask, objective, anchorModality, pretrain, loraDropout,
        weight, temperature, volumeEps);
  }

  public GraphSpec asPretrain() {
    return new GraphSpec(shape, modalityMask, objective, anchorModality, true, loraDropout,
        ktWeight, ktTemperature, volumeEps);
  }
}
