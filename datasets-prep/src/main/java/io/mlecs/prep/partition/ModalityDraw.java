package io.mlecs.prep.partition;

import java.util.Random;

/**
 * MER draws. One draw = for each modality m in order, {@code random.nextDouble() < rho[m]}. A draw that keeps
 * none of the modalities that can be present is thrown away and drawn again from the same stream, so the
 * realised rate of modality m is rho_m / (1 - prod_k (1 - rho_k)) over the modalities that can be present
 * (e.g. 0.571 instead of 0.5 for three modalities at 0.5; 0.806 for 0.8).
 */
public final class ModalityDraw {
  private ModalityDraw() {}

  /**
   * The modalities device {@code device} owns (device mode). The draw covers every modality; it is redrawn
   * while it holds none of {@code sourceUnion} (the modalities that exist anywhere in the source).
   */
  public static int device(long seed, int device, double[] rho, int sourceUnion) {
    if (!anyPossible(rho, sourceUnion)) {
      throw new IllegalArgumentException(
          "--mer gives probability 0 to every modality present in the source, so no device can own one");
    }
    return draw(new Random(SeedMixer.derive(seed, "device-mer", device)), rho, sourceUnion);
  }

  /**
   * The modalities one private sample keeps (sample mode), already restricted to {@code available}; 0 when
   * every available modality has rate 0 (or nothing is available).
   */
  public static int sample(long seed, String sampleId, double[] rho, int available) {
    if (!anyPossible(rho, available)) {
      return 0;
    }
    return draw(new Random(SeedMixer.derive(seed, "sample-mer", sampleId)), rho, available) & available;
  }

  private static int draw(Random random, double[] rho, int mustHit) {
    while (true) {
      int mask = 0;
      for (int m = 0; m < rho.length; m++) {
        if (random.nextDouble() < rho[m]) {
          mask |= 1 << m;
        }
      }
      if ((mask & mustHit) != 0) {
        return mask;
      }
    }
  }

  private static boolean anyPossible(double[] rho, int mask) {
    for (int m = 0; m < rho.length; m++) {
      if ((mask & (1 << m)) != 0 && rho[m] > 0) {
        return true;
      }
    }
    return false;
  }
}
