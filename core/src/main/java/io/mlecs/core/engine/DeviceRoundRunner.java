package io.mlecs.core.engine;

import io.mlecs.core.aggregate.FixedPointAccumulator;
import io.mlecs.core.aggregate.LoraRanks;
import io.mlecs.core.data.DeviceData;
import io.mlecs.core.data.Sample;
import io.mlecs.core.model.ParamStore;
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
      accumulate(method, r.update(), broadcast.global(), acc);
    }
    return r;
  }

  /**
   * Adds a device's update to the accumulator with the method's weight. With heterogeneous LoRA
   * ranks each factor is zero-padded to the global rank and weighs only on the rank slots the
   * device has (dimension-wise aggregation); otherwise every tensor carries the full weight and
   * the accumulator's per-tensor weight sums average each tensor over the devices that sent it.
   */
  public static void accumulate(Method method, DeviceUpdate u, ParamStore global,
      FixedPointAccumulator acc) {
    long w = method.aggregation().weight(u.modalityCount(), u.sampleCount());
    if (method.heterogeneousRanks()) {
      LoraRanks.Padded p = LoraRanks.pad(u.tensors(), global);
      acc.add(p.tensors(), w, p.coverage());
    } else {
      acc.add(u.tensors(), w);
    }
  }
}
