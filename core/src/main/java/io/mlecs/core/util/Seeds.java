package io.mlecs.core.util;

/**
 * Seeds derived purely from (master seed, round, device, purpose) with SplitMix64 finalisers, so
 * that retries, resumes and different transports replay exactly the same random streams.
 */
public final class Seeds {
  private Seeds() {}

  /** Purposes of derived streams. */
  public enum Purpose {
    INIT, PRETRAIN, DEVICE_CCL, DEVICE_AMT, SERVER, DROPOUT, SHUFFLE, EVAL,
    /** Generated data built device by device (appended last: the ordinals above are seeds). */
    DATA
  }

  /** Device id used for server-side streams. */
  public static final int SERVER = -1;

  public static long derive(long master, int round, int device, Purpose purpose) {
    long h = mix(master);
    h = mix(h ^ (round * 0x9E3779B97F4A7C15L));
    h = mix(h ^ ((device + 2L) * 0xC2B2AE3D27D4EB4FL));
    return mix(h ^ ((purpose.ordinal() + 1L) * 0x165667B19E3779F9L));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
