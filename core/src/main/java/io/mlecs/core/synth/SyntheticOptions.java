package io.mlecs.core.synth;

import io.mlecs.core.config.Require;
import io.mlecs.core.data.TaskType;

/**
 * Size and difficulty of a generated federated dataset.
 *
 * @param task captioning (VAST-like) or classification (UR-FALL-like)
 * @param numDevices N
 * @param privatePerDevice private samples per device (90 % train, 10 % test, at least 1 test)
 * @param publicTrain public training samples
 * @param publicTest public test samples
 * @param mer modality existing rate, drawn per device (re-drawn if a device gets none)
 * @param noise per-modality noise level (higher = a single modality is less informative)
 * @param seed generator seed
 */
public record SyntheticOptions(TaskType task, int numDevices, int privatePerDevice,
    int publicTrain, int publicTest, double mer, double noise, long seed)
    implements java.io.Serializable {
  public SyntheticOptions {
    Require.notNull("task", task);
    Require.positive("numDevices", numDevices);
    Require.positive("privatePerDevice", privatePerDevice);
    if (privatePerDevice < 4) {
      throw new IllegalArgumentException("privatePerDevice must be >= 4, got " + privatePerDevice);
    }
    Require.positive("publicTrain", publicTrain);
    Require.nonNegative("publicTest", publicTest);
    Require.inRange("mer", mer, 0.0, 1.0);
    if (mer == 0.0) {
      throw new IllegalArgumentException("mer must be > 0, got 0.0");
    }
    Require.nonNegative("noise", noise);
  }

  public static SyntheticOptions small(TaskType task, int devices, double mer, long seed) {
    return new SyntheticOptions(task, devices, 40, 48, 16, mer, 1.0, seed);
  }
}
