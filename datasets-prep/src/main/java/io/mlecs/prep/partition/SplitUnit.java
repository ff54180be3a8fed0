package io.mlecs.prep.partition;

import java.util.Locale;

/** What the public/device/train-test splits move as a whole. */
public enum SplitUnit {
  /** Single samples (the paper). */
  SAMPLE,
  /** Whole groups (a UR-FALL sequence, a VAST clip): no group is in two devices, roles or splits. */
  GROUP;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code sample} or {@code group}. */
  public static SplitUnit parse(String s) {
    for (SplitUnit u : values()) {
      if (u.wireName().equals(s)) {
        return u;
      }
    }
    throw new IllegalArgumentException("--split-unit must be sample or group, got '" + s + "'");
  }
}
