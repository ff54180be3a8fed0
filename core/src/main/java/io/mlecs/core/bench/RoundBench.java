package io.mlecs.core.bench;

import io.mlecs.core.aggregate.FixedPointAccumulator;
import io.mlecs.core.config.ModelConfig;
import io.mlecs.core.config.RunConfig;
import io.mlecs.core.config.TrainConfig;
import io.mlecs.core.data.DeviceData;
import io.mlecs.core.data.FederatedData;
import io.mlecs.core.data.TaskType;
import io.mlecs.core.engine.DeviceMetrics;
import io.mlecs.core.engine.DeviceRoundRunner;
import io.mlecs.core.engine.DeviceTrainer;
import io.mlecs.core.engine.InMemoryDeviceStateStore;
import io.mlecs.core.engine.Method;
import io.mlecs.core.engine.RoundBroadcast;
import io.mlecs.core.engine.RoundEngine;
import io.mlecs.core.engine.RoundReport;
import io.mlecs.core.engine.RoundTransport;
import io.mlecs.core.engine.TaskScorer;
import io.mlecs.core.engine.TaskScorers;
import io.mlecs.core.synth.SyntheticFederatedData;
import io.mlecs.core.synth.SyntheticOptions;
import io.mlecs.core.train.ModelContext;
import io.mlecs.core.train.ModelContexts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-process rounds of ML-ECS with tiny models: the {@link RoundEngine} driving devices one after
 * another in this JVM, exactly as {@code LocalTransport} does, with each device's
 * {@link DeviceRoundRunner#runOne} (state load, CCL, AMT, evaluation, upload, state save) timed.
 */
final class RoundBench {
  private RoundBench() {}

  /** The tiny sizes (the engine tests' sizes). */
  static RunConfig config(long seed, int rounds) {
    ModelConfig device = new ModelConfig(32, 2, 1, 2, 16, 16, 2, 16, 4, 8.0, 0.05);
    ModelConfig server = new ModelConfig(48, 2, 2, 2, 16, 16, 2, 24, 4, 8.0, 0.05);
    TrainConfig train = new TrainConfig(1e-2, 8, 1, 2, 1, 1, 5e-3, 0.5, 2.0, 0.1, 64, 16);
    return new RunConfig(seed, rounds, Method.ML_ECS.name(), device, server, train);
  }

  static SyntheticOptions dataOptions(int devices, long seed) {
    return new SyntheticOptions(TaskType.CAPTIONING, devices, 40, 40, 12, 0.7, 1.0, seed);
  }

  /** LocalTransport's loop with a clock around every device. */
  private static final class TimedTransport implements RoundTransport {
    private final FederatedData data;
    private final DeviceRoundRunner runner;
    final List<Double> deviceSeconds = new ArrayList<>();
    final List<DeviceMetrics> lastMetrics = new ArrayList<>();
    double transportSeconds;

    TimedTransport(FederatedData data, DeviceTrainer trainer, Method method) {
      this.data = data;
      this.runner = new DeviceRoundRunner(trainer, method, new InMemoryDeviceStateStore());
    }

    @Override
    public RoundReturn runRound(RoundBroadcast broadcast) {
      long start = System.nanoTime();
      deviceSeconds.clear();
      lastMetrics.clear();
      FixedPointAccumulator acc = new FixedPointAccumulator();
      for (DeviceData device : data.devices()) {
        long t0 = System.nanoTime();
        DeviceTrainer.Result r = runner.runOne(device, data.publicTrain(), broadcast, acc);
        deviceSeconds.add((System.nanoTime() - t0) / 1e9);
        lastMetrics.add(r.metrics());
      }
      transportSeconds = (System.nanoTime() - start) / 1e9;
      return new RoundReturn(acc, List.copyOf(lastMetrics));
    }
  }

  static Map<String, Object> run(int devices, int rounds, long seed) {
    RunConfig cfg = config(seed, rounds);
    FederatedData data = SyntheticFederatedData.generate(dataOptions(devices, seed));
    long t0 = System.nanoTime();
    ModelContext ctx = ModelContexts.create(cfg, data);
    double setupSeconds = (System.nanoTime() - t0) / 1e9;
    TaskScorer scorer = TaskScorers.forDataset(data.spec());
    Method method = Method.ML_ECS;
    RoundEngine engine = new RoundEngine(ctx, method, data, scorer);
    TimedTransport transport = new TimedTransport(data,
        new DeviceTrainer(ctx, method, scorer), method);
    List<Object> perRound = new ArrayList<>();
    List<Double> laterDeviceRounds = new ArrayList<>();
    Map<String, Long> bytesDown = Map.of();
    Map<String, Long> bytesUp = Map.of();
    for (int r = 1; r <= rounds; r++) {
      RoundReport rep = engine.runRound(transport);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("round", r);
      m.put("round_s", Stats.round(rep.seconds()));
      m.put("devices_s", Stats.round(transport.transportSeconds));
      m.put("server_and_driver_s", Stats.round(rep.seconds() - transport.transportSeconds));
      m.put("per_device_round_s", Stats.summary(Stats.of(transport.deviceSeconds)));
      perRound.add(m);
      if (r > 1 || rounds == 1) {
        laterDeviceRounds.addAll(transport.deviceSeconds);
      }
      bytesDown = transport.lastMetrics.get(0).bytesDown();
      bytesUp = transport.lastMetrics.get(0).bytesUp();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("devices", devices);
    m.put("rounds", rounds);
    m.put("device_modality_masks", data.devices().stream().map(DeviceData::modalityMask)
        .toList());
    m.put("context_setup_s", Stats.round(setupSeconds));
    m.put("per_round", perRound);
    m.put(rounds > 1 ? "device_round_s_rounds_2_on" : "device_round_s", Stats.summary(
        Stats.of(laterDeviceRounds)));
    m.put("device0_bytes_down_last_round", bytesDown);
    m.put("device0_bytes_up_last_round", bytesUp);
    return m;
  }

  static Map<String, Object> describe(long seed) {
    RunConfig cfg = config(seed, 1);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("device_model", cfg.device());
    m.put("server_model", cfg.server());
    m.put("train", cfg.train());
    SyntheticOptions o = dataOptions(1, seed);
    m.put("data", "synthetic " + o.task() + ": N devices, " + o.privatePerDevice()
        + " private samples each (90/10 train/test), " + o.publicTrain() + " public train, "
        + o.publicTest() + " public test, mer " + o.mer() + ", noise " + o.noise());
    m.put("method", cfg.method());
    m.put("what_is_timed", "device-round = DeviceRoundRunner.runOne: state load/copy, graph"
        + " builds, CCL (1 epoch over the device's view of the public data), AMT (2 epochs over"
        + " private data), evaluation (teacher-forced test loss + greedy decoding + ROUGE-Lsum),"
        + " LoRA upload into the accumulator, state save. server_and_driver_s = the rest of"
        + " RoundEngine.runRound: fused representations, MMA, SE-CCL, server evaluation.");
    return m;
  }
}
