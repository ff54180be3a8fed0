package io.mlecs.prep.urfall;

/** UR-FALL labels: raw -1 (not lying), 0 (temporary pose), 1 (lying) become 0, 1, 2 in that order. */
public final class UrFallLabel {
  /** Number of classes. */
  public static final int CLASSES = 3;

  private UrFallLabel() {}

  /** Maps a raw label to 0/1/2, or returns -1 when it is not one of -1, 0, 1. */
  public static int fromRaw(int raw) {
    return raw >= -1 && raw <= 1 ? raw + 1 : -1;
  }

  /** The raw CSV label of a class 0/1/2. */
  public static int toRaw(int label) {
    if (label < 0 || label >= CLASSES) {
      throw new IllegalArgumentException("label must be 0, 1 or 2, got " + label);
    }
    return label - 1;
  }
}
