package io.mlecs.core.engine;

import io.mlecs.core.model.ParamStore;

/**
 * Everything a device uploads in a round: its LoRA tensors and |M_j|. Nothing else leaves a
 * device (its encoders, connector, optimiser state and data stay on it).
 *
 * @param deviceId device id
 * @param modalityCount |M_j|, the number of modalities the device owns
 * @param lora the device's LoRA tensors ({@code lora.*})
 */
public record DeviceUpdate(int deviceId, int modalityCount, ParamStore lora) {
  public DeviceUpdate {
    for (String n : lora.names()) {
      if (!n.startsWith(ParamStore.LORA)) {
        throw new IllegalArgumentException("device " + deviceId + " tried to upload '" + n
            + "': only LoRA tensors leave a device");
      }
    }
  }

  /** Upload size in bytes: float32 tensors plus one int. */
  public long bytes() {
    return lora.count() * 4L + 4L;
  }
}
