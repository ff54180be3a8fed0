package io.mlecs.core.engine;

import io.mlecs.core.aggregate.FixedPointAccumulator;
import io.mlecs.core.data.FederatedData;
import java.util.ArrayList;
import java.util.List;

/**
 * In-process transport: devices run one after another in this JVM. It records what crossed the
 * (simulated) network in the last round, so tests can assert that only LoRA tensors and |M_j|
 * leave a device.
 */
public final class LocalTransport implements RoundTransport {
  private final FederatedData data;
  private final DeviceRoundRunner runner;
  private final List<DeviceUpdate> lastUploads = new ArrayList<>();

  public LocalTransport(FederatedData data, DeviceTrainer trainer, Method method,
      DeviceStateStore store) {
    this.data = data;
    this.runner = new DeviceRoundRunner(trainer, method, store);
  }

  @Override
  public RoundReturn runRound(RoundBroadcast broadcast) {
    lastUploads.clear();
    FixedPointAccumulator acc = new FixedPointAccumulator();
    List<DeviceMetrics> metrics = new ArrayList<>();
    for (var device : data.devices()) {
      DeviceTrainer.Result r = runner.runOne(device, data.publicTrain(), broadcast, acc);
      lastUploads.add(r.update());
      metrics.add(r.metrics());
    }
    return new RoundReturn(acc, metrics);
  }

  /** The updates devices uploaded in the last round, in device order. */
  public List<DeviceUpdate> lastUploads() {
    return List.copyOf(lastUploads);
  }
}
