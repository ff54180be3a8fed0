package io.mlecs.core.data;

import java.util.List;

/**
 * One edge device's local data: the modalities it owns and its private train/test split.
 *
 * @param deviceId device id (0-based)
 * @param modalityMask modalities the device owns (bit m = modality m)
 * @param train private training samples
 * @param test private test samples
 */
public record DeviceData(int deviceId, int modalityMask, List<Sample> train, List<Sample> test) implements java.io.Serializable {
  public DeviceData {
    if (deviceId < 0) {
      throw new IllegalArgumentException("deviceId must be >= 0, got " + deviceId);
    }
    if (modalityMask == 0) {
      throw new IllegalArgumentException("device " + deviceId + " owns no modality");
    }
    train = List.copyOf(train);
    test = List.copyOf(test);
  }

  /** |M_j|: the number of modalities the device owns (the MMA weight numerator). */
  public int modalityCount() {
    return Integer.bitCount(modalityMask);
  }
}
