package io.mlecs.prep.partition;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent stream seeds from one master seed and a purpose (plus an index), so every random choice
 * of the partition is a pure function of (seed, purpose, index): FNV-1a 64 of the purpose, mixed with the seed
 * and index by the SplitMix64 finaliser. Streams are {@code java.util.Random}, whose sequence Java specifies.
 */
public final class SeedMixer {
  private SeedMixer() {}

  public static long derive(long seed, String purpose, long index) {
    long h = 0xcbf29ce484222325L;
    for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(mix(seed ^ h) + index);
  }

  /** Seed for a named item (e.g. a sample id). */
  public static long derive(long seed, String purpose, String item) {
    return derive(seed, purpose + "\u0000" + item, 0L);
  }

  static long mix(long z) {
    z += 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
