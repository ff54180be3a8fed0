package io.mlecs.core.train;

import io.mlecs.core.model.ParamStore;

/**
 * What a device keeps between rounds and never uploads: its encoders, connector, temperature,
 * LoRA ({@code params}) and its optimiser state.
 *
 * @param params trainable parameters
 * @param optimizer Adam state
 */
public record DeviceState(ParamStore params, ParamStore optimizer) {
  public DeviceState copy() {
    return new DeviceState(params.copy(), optimizer.copy());
  }
}
