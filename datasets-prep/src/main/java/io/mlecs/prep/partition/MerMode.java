package io.mlecs.prep.partition;

import java.util.Locale;

/** How modality existence rates (MER) are drawn. */
public enum MerMode {
  /** Once per device, Bernoulli(rho_m) per modality (the paper). */
  DEVICE,
  /** Per private sample: each drops modality m with probability 1 - rho_m. */
  SAMPLE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code device} or {@code sample}. */
  public static MerMode parse(String s) {
    for (MerMode m : values()) {
      if (m.wireName().equals(s)) {
        return m;
      }
    }
    throw new IllegalArgumentException("--mer-mode must be device or sample, got '" + s + "'");
  }
}
