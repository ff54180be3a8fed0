package io.mlecs.prep.partition;

import java.util.Objects;

/**
 * Partition parameters, validated here with messages naming the option and the value.
 *
 * @param seed master seed
 * @param numDevices N >= 1
 * @param mer rho per modality, in modality order, each in [0, 1]
 * @param merMode per device or per sample
 * @param publicFraction share of samples in the public dataset, in [0, 0.9]
 * @param testFraction share of each local dataset in its test split, in [0, 0.5]
 * @param splitUnit sample or group
 */
public record PartitionConfig(
    long seed,
    int numDevices,
    double[] mer,
    MerMode merMode,
    double publicFraction,
    double testFraction,
    SplitUnit splitUnit) {

  public PartitionConfig {
    if (numDevices < 1) {
      throw new IllegalArgumentException("--num-devices must be >= 1, got " + numDevices);
    }
    Objects.requireNonNull(mer, "mer");
    mer = mer.clone();
    for (double r : mer) {
      if (!(r >= 0.0 && r <= 1.0)) {
        throw new IllegalArgumentException("--mer values must be in [0, 1], got " + r);
      }
    }
    Objects.requireNonNull(merMode, "merMode");
    Objects.requireNonNull(splitUnit, "splitUnit");
    if (!(publicFraction >= 0.0 && publicFraction <= 0.9)) {
      throw new IllegalArgumentException("--public-fraction must be in [0, 0.9], got " + publicFraction);
    }
    if (!(testFraction >= 0.0 && testFraction <= 0.5)) {
      throw new IllegalArgumentException("--test-fraction must be in [0, 0.5], got " + testFraction);
    }
  }

  @Override
  public double[] mer() {
    return mer.clone();
  }
}
