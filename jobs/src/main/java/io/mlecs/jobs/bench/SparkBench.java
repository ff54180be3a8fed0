package io.mlecs.jobs.bench;

import io.mlecs.core.config.ModelConfig;
import io.mlecs.core.config.RunConfig;
import io.mlecs.core.config.TrainConfig;
import io.mlecs.core.data.FederatedData;
import io.mlecs.core.data.TaskType;
import io.mlecs.core.engine.DeviceTrainer;
import io.mlecs.core.engine.InMemoryDeviceStateStore;
import io.mlecs.core.engine.LocalTransport;
import io.mlecs.core.engine.Method;
import io.mlecs.core.engine.RoundEngine;
import io.mlecs.core.engine.RoundTransport;
import io.mlecs.core.engine.SinkDeviceStateStore;
import io.mlecs.core.engine.TaskScorer;
import io.mlecs.core.engine.TaskScorers;
import io.mlecs.core.synth.SyntheticFederatedData;
import io.mlecs.core.synth.SyntheticOptions;
import io.mlecs.core.train.ModelContext;
import io.mlecs.core.train.ModelContexts;
import io.mlecs.jobs.data.SyntheticShards;
import io.mlecs.jobs.io.HadoopFileSink;
import io.mlecs.jobs.transport.ContextBlob;
import io.mlecs.jobs.transport.SparkTransport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The Spark parts of the benchmark: (2) the same rounds through the in-process transport and
 * through Spark (devices in tasks), their ratio; (3) one round for growing N with tiny models:
 * seconds per device-round and the driver's peak heap. Each section echoes its configuration and
 * seed. Timings are round wall times from the engine's reports, excluding pretraining.
 */
public final class SparkBench {
  private SparkBench() {}

  /** Tiny sizes for the scale test. */
  static RunConfig tiny(long seed) {
    ModelConfig d = new ModelConfig(16, 2, 1, 2, 8, 8, 2, 8, 2, 4.0, 0.05);
    ModelConfig s = new ModelConfig(24, 2, 1, 2, 8, 8, 2, 8, 2, 4.0, 0.05);
    return new RunConfig(seed, 1, "ml-ecs", d, s,
        new TrainConfig(2e-3, 8, 1, 1, 1, 1, 3e-3, 0.5, 2.0, 0.1, 64, 4));
  }

  /** Rounds of the overhead section run untimed first on each transport (JIT, first broadcast). */
  static final int WARMUP_ROUNDS = 1;

  /**
   * Wall seconds of the same {@code rounds} rounds on several engines, alternating round by
   * round (engine 0: round r, engine 1: round r, ..., engine 0: round r + 1, ...) after
   * {@link #WARMUP_ROUNDS} untimed ones each, so that a change of the machine's load during the
   * section hits all alike. Row i holds engine i's rounds.
   */
  static double[][] interleavedRoundSeconds(List<RoundEngine> engines,
      List<RoundTransport> transports, int rounds) {
    for (int r = 0; r < WARMUP_ROUNDS; r++) {
      for (int e = 0; e < engines.size(); e++) {
        engines.get(e).runRound(transports.get(e));
      }
    }
    double[][] out = new double[engines.size()][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int e = 0; e < engines.size(); e++) {
        out[e][r] = engines.get(e).runRound(transports.get(e)).seconds();
      }
    }
    return out;
  }

  private static double medianRatio(double[] num, double[] den) {
    double[] ratios = new double[num.length];
    for (int r = 0; r < ratios.length; r++) {
      ratios[r] = num[r] / den[r];
    }
    java.util.Arrays.sort(ratios);
    return ratios[ratios.length / 2];
  }

  /** Section 2: in-process vs Spark for the same configuration and rounds. */
  public static Map<String, Object> overhead(JavaSparkContext sc, RunConfig config,
      SyntheticOptions data, Path scratch) throws Exception {
    FederatedData fd = SyntheticFederatedData.generate(data);
    ModelContext ctx = ModelContexts.create(config, fd);
    TaskScorer scorer = TaskScorers.forDataset(fd.spec());
    Method m = Method.byName(config.method());
    Path dir = Files.createTempDirectory(scratch, "bench-overhead");
    // in-process as `train` runs it with spark.transport = local: device states in the run
    // directory, like Spark's tasks keep them; and with states in memory, for reference
    LocalTransport inProcess = new LocalTransport(fd, new DeviceTrainer(ctx, m, scorer), m,
        new SinkDeviceStateStore(new HadoopFileSink(dir.resolve("in-process").toString())));
    LocalTransport inMemory = new LocalTransport(fd, new DeviceTrainer(ctx, m, scorer), m,
        new InMemoryDeviceStateStore());
    double[][] sec;
    try (SparkTransport t = new SparkTransport(sc, sc.parallelize(fd.devices(),
        fd.devices().size()).cache(), new ContextBlob(dir.toString(), ctx), fd.publicTrain(), m,
        new HadoopFileSink(dir.resolve("spark").toString()), 2)) {
      sec = interleavedRoundSeconds(List.of(new RoundEngine(ctx, m, fd, scorer),
          new RoundEngine(ctx, m, fd, scorer), new RoundEngine(ctx, m, fd, scorer)),
          List.of(inProcess, inMemory, t), config.rounds() - WARMUP_ROUNDS);
    }
    double[] localSec = sec[0];
    double[] memorySec = sec[1];
    double[] sparkSec = sec[2];
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("config", config.toString());
    out.put("data", data.toString());
    out.put("spark_master", sc.master());
    out.put("warmup_rounds_each", WARMUP_ROUNDS);
    out.put("in_process_round_seconds", localSec);
    out.put("in_process_in_memory_states_round_seconds", memorySec);
    out.put("spark_round_seconds", sparkSec);
    out.put("ratio_spark_over_in_process", sum(sparkSec) / sum(localSec));
    out.put("median_per_round_ratio", medianRatio(sparkSec, localSec));
    out.put("ratio_spark_over_in_process_in_memory_states", sum(sparkSec) / sum(memorySec));
    out.put("median_per_round_ratio_in_memory_states", medianRatio(sparkSec, memorySec));
    out.put("note", "rounds include the server step on the driver; each transport first runs "
        + WARMUP_ROUNDS + " untimed round(s) from the same start, then the timed rounds (the same "
        + "round numbers on all), alternating in-process (device states in a run directory, as "
        + "train runs it), in-process (states in memory) and Spark round by round; ratios are "
        + "Spark's total over the in-process totals; with local[k], k > 1, Spark also trains k "
        + "devices in parallel, so a ratio can fall below 1; local[1] isolates overhead");
    return out;
  }

  /**
   * Section 3: one round for each N, tiny models. The devices are generated in the tasks (each
   * on its own stream), so the driver holds only the public data, the model context, the round's
   * aggregate and N small metric records; with a cluster master (local-cluster[...], spark://)
   * the driver's heap is the driver's alone.
   */
  public static Map<String, Object> scale(JavaSparkContext sc, List<Integer> sizes, long seed,
      Path scratch) throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    RunConfig config = tiny(seed);
    for (int n : sizes) {
      SyntheticOptions o = new SyntheticOptions(TaskType.CLASSIFICATION, n, 8, 16, 8, 0.7, 1.0,
          seed);
      FederatedData fd = SyntheticFederatedData.publicPart(o);
      ModelContext ctx = ModelContexts.create(config, fd);
      TaskScorer scorer = TaskScorers.forDataset(fd.spec());
      Method m = Method.ML_ECS;
      RoundEngine e = new RoundEngine(ctx, m, fd, scorer);
      Path dir = Files.createTempDirectory(scratch, "bench-scale-" + n);
      int perTask = Math.max(1, n / (4 * sc.defaultParallelism()));
      System.gc();
      long heapBefore = usedHeap();
      resetPeaks();
      double seconds;
      long retained;
      try (SparkTransport t = new SparkTransport(sc, SyntheticShards.onExecutors(sc, o, perTask),
          new ContextBlob(dir.toString(), ctx), fd.publicTrain(), m,
          new HadoopFileSink(dir.toString()), 2)) {
        seconds = e.runRound(t).seconds();
        long peak = peakHeap();
        System.gc();
        retained = usedHeap();
        resetPeaks();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("devices", n);
        row.put("devices_per_task", perTask);
        row.put("round_seconds", seconds);
        row.put("seconds_per_device_round", seconds / n);
        row.put("driver_peak_heap_mib", mib(peak));
        row.put("driver_heap_before_round_mib", mib(heapBefore));
        row.put("driver_heap_retained_after_round_mib", mib(retained));
        row.put("executors_peak_jvm_heap_mib", executorPeaks(sc));
        rows.add(row);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("config", config.toString());
    out.put("data_per_device", "8 private samples generated in the task (own stream per "
        + "device), 16 public training samples (shared, on the driver)");
    out.put("spark_master", sc.master());
    out.put("rows", rows);
    out.put("note", "driver_peak_heap: sum of the heap pools' peaks during the round (garbage "
        + "included, an upper bound); driver_heap_retained_after_round: heap in use after a full "
        + "GC with the round's transport still open (what the driver keeps); in local mode the "
        + "driver JVM also runs the tasks. executors_peak_jvm_heap: Spark's executor metrics "
        + "(JVMHeapMemory), peak since the application started, per executor id");
    return out;
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  /** Peak JVM heap of each executor (not the driver) as Spark's executor metrics report it. */
  private static Map<String, Double> executorPeaks(JavaSparkContext sc) {
    Map<String, Double> out = new java.util.TreeMap<>();
    var list = sc.sc().statusStore().executorList(true);
    for (int i = 0; i < list.size(); i++) {
      var ex = list.apply(i);
      if (ex.id().equals("driver") || ex.peakMemoryMetrics().isEmpty()) {
        continue;
      }
      out.put(ex.id(), mib(ex.peakMemoryMetrics().get().getMetricValue("JVMHeapMemory")));
    }
    return out;
  }

  private static long usedHeap() {
    return heapSum(MemoryPoolMXBean::getUsage);
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    return heapSum(MemoryPoolMXBean::getPeakUsage);
  }

  /** Sum over the heap pools of one of their usage figures (bytes used). */
  private static long heapSum(java.util.function.Function<MemoryPoolMXBean,
      java.lang.management.MemoryUsage> usage) {
    long total = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        total += usage.apply(p).getUsed();
      }
    }
    return total;
  }
}
