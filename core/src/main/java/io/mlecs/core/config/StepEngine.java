package io.mlecs.core.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What computes a training step's loss and gradients ({@code train.step-engine}).
 *
 * <ul>
 *   <li>{@link #KERNEL}: the hand-written forward/backward of {@code io.mlecs.core.kernel} for every
 *       training step (AMT and the baselines' local tuning, device CCL, the server's SE-CCL and
 *       knowledge transfer, backbone pretraining) and for the forward passes of evaluation,
 *       decoding and the server's fused representations;
 *   <li>{@link #SAMEDIFF}: the SameDiff graph for every step (the reference; slower).
 * </ul>
 */
public enum StepEngine {
  KERNEL,
  SAMEDIFF;

  /** The engine named {@code name} (case-insensitive); the error lists the valid names. */
  public static StepEngine byName(String name) {
    for (StepEngine e : values()) {
      if (e.configName().equals(name.toLowerCase(Locale.ROOT))) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown step engine '" + name + "' (valid: "
        + Arrays.stream(values()).map(StepEngine::configName).collect(Collectors.joining(", "))
        + ")");
  }

  /** The configuration value: kernel or samediff. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
