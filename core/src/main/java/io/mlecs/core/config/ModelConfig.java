package io.mlecs.core.config;

/**
 * Sizes of one unified model M = {E, C, B}: modality encoders, connector and transformer backbone
 * with LoRA on the attention query/value projections.
 *
 * @param dModel backbone width
 * @param heads attention heads (must divide dModel)
 * @param layers transformer blocks
 * @param ffMultiplier MLP hidden width = ffMultiplier * dModel
 * @param encoderDim output width of every modality encoder (official code: 64)
 * @param latentDim shared latent space / fused representation width d_s (official code: 256)
 * @param promptTokens number of soft tokens P produced by the soft-prompt generator (official: 16)
 * @param promptHidden hidden width of the soft-prompt generator MLP
 * @param loraRank LoRA rank r
 * @param loraAlpha LoRA alpha (scale = alpha / r)
 * @param loraDropout dropout on the LoRA input path during training
 */
public record ModelConfig(
    int dModel,
    int heads,
    int layers,
    int ffMultiplier,
    int encoderDim,
    int latentDim,
    int promptTokens,
    int promptHidden,
    int loraRank,
    double loraAlpha,
    double loraDropout) implements java.io.Serializable {

  public ModelConfig {
    Require.positive("model.dModel", dModel);
    Require.positive("model.heads", heads);
    Require.divisible("model.dModel", dModel, "model.heads", heads);
    Require.positive("model.layers", layers);
    Require.positive("model.ffMultiplier", ffMultiplier);
    Require.positive("model.encoderDim", encoderDim);
    Require.positive("model.latentDim", latentDim);
    Require.positive("model.promptTokens", promptTokens);
    Require.positive("model.promptHidden", promptHidden);
    Require.positive("model.loraRank", loraRank);
    Require.positive("model.loraAlpha", loraAlpha);
    Require.inHalfOpen("model.loraDropout", loraDropout, 0.0, 1.0);
  }

  /** The default device / server SLM size. */
  public static ModelConfig deviceDefault() {
    return new ModelConfig(64, 4, 2, 4, 64, 64, 4, 64, 8, 16.0, 0.05);
  }

  /** The default server unified model (the "LLM"): wider and deeper than the SLM. */
  public static ModelConfig serverDefault() {
    return new ModelConfig(96, 4, 3, 4, 64, 64, 4, 96, 8, 16.0, 0.05);
  }

  public double loraScale() {
    return loraAlpha / loraRank;
  }

  public int headDim() {
    return dModel / heads;
  }

  public ModelConfig withLoraRank(int rank) {
    return new ModelConfig(dModel, heads, layers, ffMultiplier, encoderDim, latentDim,
        promptTokens, promptHidden, rank, loraAlpha, loraDropout);
  }

  public ModelConfig withLoraDropout(double dropout) {
    return new ModelConfig(dModel, heads, layers, ffMultiplier, encoderDim, latentDim,
        promptTokens, promptHidden, loraRank, loraAlpha, dropout);
  }
}
