package io.mlecs.core.model;

/** Placeholder and output names of a unified-model graph. */
public final class GraphInputs {
  private GraphInputs() {}

  /** [B, dim] features of one modality (zeros where missing). */
  public static String feature(String modality) {
    return "feat_" + modality;
  }

  /** [B, k] presence mask over the model's modalities in dataset order. */
  public static final String MASK = "mask";
  /** [B * (promptLength + targetLength)] INT token ids: instruction, BOS, target shifted right. */
  public static final String TOKENS = "tokens";
  /** [B * targetLength, V] one-hot next-token targets. */
  public static final String LABELS = "labels";
  /** [B * targetLength] 1 where the target position is scored (up to EOS), else 0. */
  public static final String LABEL_WEIGHTS = "label_weights";
  /** [B, d_s] the server's fused representation of each sample (device CCL anchor). */
  public static final String ANCHOR = "anchor";
  /** [B, B] contrastive target distribution (identity, optionally label-smoothed). */
  public static final String CONTRASTIVE_TARGETS = "contrastive_targets";
  /** [B * targetLength, V] the teacher's softmax(logits / T) at the target positions. */
  public static final String TEACHER = "teacher_probs";
  /** [1] batch size B as a float (for the KT mean). */
  public static final String BATCH = "batch_size";
  /** [B, P, d] soft tokens (pretraining only: zeros). */
  public static final String SOFT = "soft_tokens";

  /**
   * [B * T, d] LoRA dropout mask for layer l and projection q or v, times the LoRA scale: each
   * entry is 0 (dropped) or (alpha / r) / (1 - p).
   */
  public static String dropout(int layer, char proj) {
    return "lora_drop_" + proj + layer;
  }

  public static final String LOSS = "loss";
  public static final String LM_LOSS = "lm_loss";
  public static final String CONTRASTIVE_LOSS = "contrastive_loss";
  public static final String KT_LOSS = "kt_loss";
  /** [B * targetLength, V] logits at the target positions. */
  public static final String LOGITS = "logits";
  /** [B, d_s] fused representation s. */
  public static final String FUSED = "fused";

  /** [B, d_s] projection of one modality into the shared latent space. */
  public static String projection(String modality) {
    return "proj_" + modality;
  }
}
