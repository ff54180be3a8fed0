package io.mlecs.core.model;

/** Which loss a unified-model graph computes. */
public enum Objective {
  /** No loss: logits, fused representation and projections only (generation, anchors). */
  INFERENCE,
  /** Supervised LM loss L_lb on the target tokens (AMT; also backbone pretraining). */
  LM,
  /** Device CCL: L_lb + (L_A2O + L_O2A) / 2 with the server's fused representation as anchor. */
  CCL_DEVICE,
  /** Server LLM in SE-CCL: L_lb + contrastive with one own modality as anchor + lambda * L_kt. */
  CCL_SERVER_KT,
  /** Server SLM in SE-CCL: L_lb + lambda * L_kt from the LLM. */
  LM_KT;

  public boolean hasLoss() {
    return this != INFERENCE;
  }

  public boolean usesDeviceAnchor() {
    return this == CCL_DEVICE;
  }

  public boolean usesTeacher() {
    return this == CCL_SERVER_KT || this == LM_KT;
  }

  public boolean contrastive() {
    return this == CCL_DEVICE || this == CCL_SERVER_KT;
  }
}
