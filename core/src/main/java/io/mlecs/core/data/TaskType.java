package io.mlecs.core.data;

/** What the model generates: a caption (VAST-like) or a class-label token (UR-FALL-like). */
public enum TaskType {
  /** Free text target, scored with ROUGE-Lsum / BERTScore. */
  CAPTIONING,
  /** Target is a label token "0".."K-1", scored with F1; an unparsable answer counts as wrong. */
  CLASSIFICATION
}
