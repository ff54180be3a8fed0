package io.mlecs.prep.source;

/** How a modality is stored in the prepared Parquet: a float vector in {@code features} or text in {@code texts}. */
public enum ModalityKind {
  VECTOR("vector"),
  TEXT("text");

  private final String wireName;

  ModalityKind(String wireName) {
    this.wireName = wireName;
  }

  /** The name written into {@code _manifest.json}. */
  public String wireName() {
    return wireName;
  }
}
