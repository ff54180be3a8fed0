package io.mlecs.prep.partition;

/**
 * Where one sample goes.
 *
 * @param role {@code public} or {@code private}
 * @param deviceId device index, -1 for public rows
 * @param split {@code train} or {@code test}
 * @param presenceMask modalities the row keeps (bit i = modality i)
 */
public record Assignment(String role, int deviceId, String split, int presenceMask) {
  public static final String PUBLIC = "public";
  public static final String PRIVATE = "private";
  public static final String TRAIN = "train";
  public static final String TEST = "test";
}
