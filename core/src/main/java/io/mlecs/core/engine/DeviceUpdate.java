package io.mlecs.core.engine;

import io.mlecs.core.model.ParamStore;

/**
 * Everything a device uploads in a round: the tensors its method's {@link UploadScope} allows
 * (LoRA only for ML-ECS; LoRA, encoders and connector for Multi-FedAvg) and one count, the
 * numerator of its aggregation weight (|M_j| for MMA, n_j for FedAvg-style weights). Nothing else
 * leaves a device (its frozen backbone, optimiser state and data stay on it).
 *
 * @param deviceId device id
 * @param modalityCount |M_j|, the number of modalities the device owns
 * @param sampleCount n_j, the number of local training samples
 * @param scope what the device may upload; every tensor name is checked against it
 * @param tensors the uploaded tensors
 */
public record DeviceUpdate(int deviceId, int modalityCount, int sampleCount, UploadScope scope,
    ParamStore tensors) {
  public DeviceUpdate {
    for (String n : tensors.names()) {
      if (!scope.allows(n)) {
        throw new IllegalArgumentException("device " + deviceId + " tried to upload '" + n
            + "': only " + scope.prefixes() + " tensors leave a device under scope " + scope);
      }
    }
  }

  /** A LoRA-only update (ML-ECS). */
  public DeviceUpdate(int deviceId, int modalityCount, ParamStore lora) {
    this(deviceId, modalityCount, 0, UploadScope.LORA, lora);
  }

  /** The uploaded LoRA tensors ({@code lora.*}). */
  public ParamStore lora() {
    return scope == UploadScope.LORA ? tensors : tensors.copyOf(ParamStore.LORA);
  }

  /** Upload size in bytes: float32 tensors plus one int (the weight count). */
  public long bytes() {
    return tensors.count() * 4L + 4L;
  }
}
