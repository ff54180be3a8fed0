package io.mlecs.core.engine;

import io.mlecs.core.aggregate.FixedPointAccumulator;
import io.mlecs.core.data.DeviceData;
import io.mlecs.core.data.Sample;
import io.mlecs.core.train.DeviceState;
import java.util.List;

/**
 * Runs the round of a set of devices hosted together (a loop in LocalTransport, one Spark task)
 * and pre-aggregates their updates into one accumulator.
 */
public final class DeviceRoundRunner {
  private final DeviceTrainer trainer;
  private final Method method;
  private final DeviceStateStore store;

  public DeviceRoundRunner(DeviceTrainer trainer, Method method, DeviceStateStore store) {
    this.trainer = trainer;
    this.method = method;
    this.store = store;
  }

  /** Trains {@code device}, saves its state, adds its update; returns the result. */
  public DeviceTrainer.Result runOne(DeviceData device, List<Sample> publicTrain,
      RoundBroadcast broadcast, FixedPointAccumulator acc) {
    int round = broadcast.round();
    DeviceState previous = round == 1 ? trainer.initialState(device)
        : store.load(device.deviceId(), round - 1).orElseThrow(() -> new IllegalStateException(
            "device " + device.deviceId() + " has no saved state for round " + (round - 1)));
    DeviceTrainer.Result r = trainer.run(device, publicTrain, previous, broadcast);
    store.save(device.deviceId(), round, r.state());
    if (method.collaborate()) {
      acc.add(r.update().lora(), method.aggregation().weight(r.update().modalityCount()));
    }
    return r;
  }
}
