package io.mlecs.core.data;

import java.util.List;

/**
 * Everything one run reads: the public omni-modal data D' (train/test) and every device's data.
 *
 * @param spec dataset description
 * @param publicTrain public training samples (all modalities)
 * @param publicTest public test samples, used for the server score
 * @param devices per-device data, device ids 0..N-1 in order
 */
public record FederatedData(
    DatasetSpec spec, List<Sample> publicTrain, List<Sample> publicTest, List<DeviceData> devices) {
  public FederatedData {
    publicTrain = List.copyOf(publicTrain);
    publicTest = List.copyOf(publicTest);
    devices = List.copyOf(devices);
    if (publicTrain.isEmpty()) {
      throw new IllegalArgumentException("public training data is empty for " + spec.name());
    }
    for (int i = 0; i < devices.size(); i++) {
      if (devices.get(i).deviceId() != i) {
        throw new IllegalArgumentException(
            "devices must be ordered by id 0..N-1; position " + i + " holds device "
                + devices.get(i).deviceId());
      }
    }
  }
}
