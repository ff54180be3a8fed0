package io.mlecs.core.bench;

import io.mlecs.core.config.ModelConfig;
import io.mlecs.core.config.StepEngine;
import io.mlecs.core.model.Objective;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.train.AdamOptimizer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Runs the selected sections and gathers one JSON-ready tree. */
public final class BenchmarkRunner {
  private final BenchOptions options;

  public BenchmarkRunner(BenchOptions options) {
    this.options = options;
  }

  /** Runs everything selected; the returned map is what {@link BenchMain} prints. */
  public Map<String, Object> run() {
    if (options.threads() > 0) {
      Nd4j.getEnvironment().setMaxThreads(options.threads());
      Nd4j.getEnvironment().setMaxMasterThreads(options.threads());
      Nd4j.factory().blas().setMaxThreads(options.threads());
    }
    long start = System.nanoTime();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("benchmark", "ml-ecs core (no Spark)");
    doc.put("started", Instant.now().toString());
    doc.put("seed", options.seed());
    doc.put("options", options.toMap());
    doc.put("versions", versions());
    doc.put("machine", machine());
    doc.put("threads", threads());
    doc.put("load_average_start", loadAverage());
    ModelConfig device = ModelConfig.deviceDefault();
    if (options.sections().contains("train")) {
      doc.put("device_training", training(device));
      doc.put("load_average_after_training", loadAverage());
    }
    if (options.sections().contains("ops")) {
      doc.put("op_profile", opProfile(device));
      doc.put("load_average_after_op_profile", loadAverage());
    }
    if (options.sections().contains("comm")) {
      doc.put("communication", CommunicationBench.run(device, options.seed()));
    }
    if (options.sections().contains("rounds")) {
      doc.put("rounds", rounds());
      doc.put("load_average_after_rounds", loadAverage());
    }
    doc.put("process_cpu_s", Stats.round(processCpuSeconds()));
    doc.put("wall_s", Stats.round((System.nanoTime() - start) / 1e9));
    return doc;
  }

  private Map<String, Object> training(ModelConfig device) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> peak = peakSgemm(options.gemmSize(), options.quick() ? 5 : 10);
    double peakFlops = (double) peak.get("peak_gflops") * 1e9;
    out.put("peak", peak);
    int batches = 8;
    // AMT and CCL on the production engine (the kernel) and on the SameDiff graph (the
    // reference the kernel is checked against)
    List<Objective> objectives = List.of(Objective.LM, Objective.LM, Objective.CCL_DEVICE,
        Objective.CCL_DEVICE);
    List<StepEngine> engines = List.of(StepEngine.KERNEL, StepEngine.SAMEDIFF,
        StepEngine.KERNEL, StepEngine.SAMEDIFF);
    List<DeviceTrainingBench.Setup> setups = new ArrayList<>();
    for (int si = 0; si < objectives.size(); si++) {
      Objective o = objectives.get(si);
      DeviceTrainingBench.Setup s = DeviceTrainingBench.setup(device, o, options.batch(),
          batches, options.seed(), engines.get(si));
      // every stage is warmed up before any is timed: the first one timed would otherwise share
      // the CPU with the JIT compiler threads
      DeviceTrainingBench.warm(s, new AdamOptimizer(new ParamStore()), options.warmup(),
          new SplittableRandom(options.seed() + 2));
      setups.add(s);
    }
    out.put("warmup", "each stage: " + options.warmup() + " untimed steps before any stage is"
        + " timed, then " + options.warmup() + " more right before its own timing");
    List<Object> stages = new ArrayList<>();
    for (int si = 0; si < objectives.size(); si++) {
      Objective o = objectives.get(si);
      DeviceTrainingBench.Setup s = setups.get(si);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("stage", (o == Objective.LM ? "AMT (objective LM; encoders + LoRA trainable; "
          : "CCL (objective CCL_DEVICE; connector + LoRA + tau trainable; random anchors; ")
          + engines.get(si).configName() + " engine)");
      if (stages.isEmpty()) {
        m.put("model", device);
        m.put("vocab", s.shape().vocabSize());
        m.put("soft_tokens", device.promptTokens());
        m.put("instruction_tokens", s.shape().promptLength());
        m.put("target_tokens", s.shape().targetLength());
        m.put("sequence_length", s.shape().sequenceLength());
        m.put("modalities", s.shape().dataset().modalities());
        m.put("batch", options.batch());
        m.put("dtype", "FLOAT");
      }
      Map<String, Object> timing = DeviceTrainingBench.run(s, options.warmup(), options.steps(),
          options.quick() ? 30 : options.steps(), options.seed() + 1, options.raw());
      m.putAll(timing);
      java.util.Set<String> trainable = new java.util.HashSet<>(s.trainable());
      FlopEstimate f = FlopEstimate.of(s.shape(), s.graph().modalities(), o, options.batch(),
          trainable::contains);
      m.put("flops", f.toMap());
      @SuppressWarnings("unchecked")
      double medianMs = (double) ((Map<String, Object>) timing.get("ms_per_step")).get("median");
      double achieved = f.stepConvention() / (medianMs / 1e3);
      double achievedExact = f.stepExact() / (medianMs / 1e3);
      m.put("achieved_gflops_convention", Stats.round(achieved / 1e9, 4));
      m.put("achieved_gflops_exact", Stats.round(achievedExact / 1e9, 4));
      m.put("percent_of_measured_peak_convention", Stats.round(100 * achieved / peakFlops, 3));
      stages.add(m);
    }
    out.put("stages", stages);
    return out;
  }

  /** Inside-op vs between-op time of the AMT and CCL gradient calls, by op type. */
  private Map<String, Object> opProfile(ModelConfig device) {
    Map<String, Object> out = new LinkedHashMap<>();
    int steps = options.quick() ? 30 : 100;
    for (Objective o : List.of(Objective.LM, Objective.CCL_DEVICE)) {
      DeviceTrainingBench.Setup s = DeviceTrainingBench.setup(device, o, options.batch(), 8,
          options.seed());
      out.put(o == Objective.LM ? "amt" : "ccl", OpProfileBench.run(s, options.warmup(), steps,
          options.seed() + 3));
    }
    return out;
  }

  private Map<String, Object> rounds() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("setup", RoundBench.describe(options.seed()));
    List<Object> runs = new ArrayList<>();
    for (int n : options.roundDevices()) {
      runs.add(RoundBench.run(n, options.rounds(), options.seed()));
    }
    out.put("runs", runs);
    return out;
  }

  /** Peak estimate: the best of {@code repeats} n x n x n float GEMMs via Nd4j.gemm. */
  static Map<String, Object> peakSgemm(int n, int repeats) {
    INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
    INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
    INDArray c = Nd4j.create(DataType.FLOAT, n, n);
    for (int i = 0; i < 2; i++) {
      Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
    }
    double flops = 2.0 * n * n * n;
    double[] gflops = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long t0 = System.nanoTime();
      Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
      double s = (System.nanoTime() - t0) / 1e9;
      gflops[i] = flops / s / 1e9;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", "measured, not theoretical: best of " + repeats + " Nd4j.gemm calls on "
        + n + " x " + n + " FLOAT matrices (2 warm-up calls), at this run's thread settings");
    m.put("peak_gflops", Stats.round(Stats.quantile(gflops, 1.0), 3));
    m.put("median_gflops", Stats.round(Stats.median(gflops), 3));
    return m;
  }

  static Map<String, Object> versions() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("java", System.getProperty("java.version"));
    m.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty(
        "java.vm.version"));
    m.put("nd4j", nd4jVersion());
    m.put("nd4j_backend", Nd4j.getBackend().getClass().getName());
    try {
      m.put("blas_vendor", String.valueOf(Nd4j.factory().blas().getBlasVendor()));
    } catch (RuntimeException e) {
      m.put("blas_vendor", "unknown");
    }
    return m;
  }

  static String nd4jVersion() {
    try (InputStream in = Nd4j.class.getResourceAsStream(
        "/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "unknown");
      }
    } catch (IOException e) {
      // fall through
    }
    String v = Nd4j.class.getPackage().getImplementationVersion();
    return v == null ? "unknown" : v;
  }

  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("available_processors", Runtime.getRuntime().availableProcessors());
    m.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
    m.put("os_arch", System.getProperty("os.arch"));
    m.put("os_name", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("cpu_model", cpuModel());
    m.put("gpu", "none used (ND4J CPU backend)");
    return m;
  }

  static Map<String, Object> threads() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("OMP_NUM_THREADS", String.valueOf(System.getenv("OMP_NUM_THREADS")));
    m.put("OPENBLAS_NUM_THREADS", String.valueOf(System.getenv("OPENBLAS_NUM_THREADS")));
    m.put("nd4j_max_threads", Nd4j.getEnvironment().maxThreads());
    m.put("nd4j_max_master_threads", Nd4j.getEnvironment().maxMasterThreads());
    try {
      m.put("blas_max_threads", Nd4j.factory().blas().getMaxThreads());
    } catch (RuntimeException e) {
      m.put("blas_max_threads", -1);
    }
    m.put("java_threads_doing_work", 1);
    return m;
  }

  static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return "unknown";
  }

  /** 1-, 5- and 15-minute load averages of the whole machine (other processes included). */
  static String loadAverage() {
    try {
      String s = Files.readString(Path.of("/proc/loadavg")).trim();
      String[] f = s.split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  static double processCpuSeconds() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime() / 1e9;
    }
    return Double.NaN;
  }
}
