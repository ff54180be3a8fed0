package io.mlecs.core.bench;

import io.mlecs.core.config.ModelConfig;
import io.mlecs.core.config.StepEngine;
import io.mlecs.core.config.TrainConfig;
import io.mlecs.core.data.DeviceData;
import io.mlecs.core.data.FederatedData;
import io.mlecs.core.data.Sample;
import io.mlecs.core.data.TaskType;
import io.mlecs.core.data.WordTokenizer;
import io.mlecs.core.loss.GramContrastiveLoss;
import io.mlecs.core.model.BatchEncoder;
import io.mlecs.core.model.GraphInputs;
import io.mlecs.core.model.GraphSpec;
import io.mlecs.core.model.ModelShape;
import io.mlecs.core.model.Objective;
import io.mlecs.core.model.ParamInit;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.model.UnifiedModelGraph;
import io.mlecs.core.synth.SyntheticFederatedData;
import io.mlecs.core.synth.SyntheticOptions;
import io.mlecs.core.train.AdamOptimizer;
import io.mlecs.core.train.ModelContext;
import io.mlecs.core.train.ModelFactory;
import io.mlecs.core.train.StageTrainer;
import io.mlecs.core.train.TrainableSets;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training-step throughput of one device unified model on synthetic VAST-like data (all three
 * modalities present): the production {@link StageTrainer#step} (placeholders + LoRA dropout
 * masks + loss and gradients from the selected step engine — the hand-written kernel or SameDiff's
 * {@code calculateGradientsAndOutputs} — + Adam) timed step by step after a warm-up, then the same
 * steps again timed phase by phase.
 */
final class DeviceTrainingBench {
  /** Everything one stage needs: graph, trainer, parameters, fixed full minibatches. */
  record Setup(ModelShape shape, UnifiedModelGraph graph, StageTrainer trainer, ParamStore all,
      List<String> trainable, List<List<Sample>> batches, StageTrainer.Extras extras,
      double lr) {}

  private DeviceTrainingBench() {}

  /** Synthetic VAST-like data for one device that owns every modality. */
  static FederatedData data(int batch, int batches, long seed) {
    int privatePerDevice = (int) Math.ceil(batch * batches / 0.9) + 2;
    return SyntheticFederatedData.generate(new SyntheticOptions(TaskType.CAPTIONING, 1,
        privatePerDevice, Math.max(48, batch * batches), 16, 1.0, 1.0, seed));
  }

  /**
   * Builds the device model of {@code config} for stage {@code objective} (LM = AMT: encoders +
   * LoRA trainable; CCL_DEVICE: connector + LoRA + tau trainable, random anchors).
   */
  static Setup setup(ModelConfig config, Objective objective, int batch, int batches, long seed) {
    return setup(config, objective, batch, batches, seed, StepEngine.KERNEL);
  }

  /** As {@link #setup(ModelConfig, Objective, int, int, long)}, steps computed by {@code engine}. */
  static Setup setup(ModelConfig config, Objective objective, int batch, int batches, long seed,
      StepEngine engine) {
    FederatedData data = data(batch, batches, seed);
    TrainConfig train = TrainConfig.defaults();
    WordTokenizer tok = ModelContext.tokenizerFor(data.spec(), data.publicTrain(),
        train.maxVocab());
    int[] prompt = tok.encode(data.spec().instruction());
    ModelShape shape = new ModelShape(config, tok.size(), prompt.length, data.spec());
    DeviceData device = data.devices().get(0);
    int mask = data.spec().fullMask();
    ParamStore own = ModelFactory.device(config, data.spec(), mask, seed, 0);
    own.assignFrom(ModelFactory.initialLora(config, seed));
    ParamStore all = new ParamStore();
    ParamInit.backbone(all, shape, seed + 5, DataType.FLOAT);
    own.asMap().forEach(all::put);
    GraphSpec spec = GraphSpec.of(shape, mask, objective).withDropout(config.loraDropout() > 0);
    UnifiedModelGraph g = UnifiedModelGraph.build(spec, all, DataType.FLOAT);
    StageTrainer trainer = new StageTrainer(g, new BatchEncoder(shape, tok, prompt))
        .batchSize(batch).engine(engine);
    List<Sample> pool = objective == Objective.LM ? device.train() : data.publicTrain();
    List<List<Sample>> full = new ArrayList<>();
    for (int i = 0; i + batch <= pool.size() && full.size() < batches; i += batch) {
      full.add(new ArrayList<>(pool.subList(i, i + batch)));
    }
    StageTrainer.Extras extras = StageTrainer.Extras.none();
    List<String> trainable = TrainableSets.deviceAmt(own);
    if (objective == Objective.CCL_DEVICE) {
      trainable = TrainableSets.deviceCcl(own);
      SplittableRandom r = new SplittableRandom(seed + 9);
      Map<String, float[]> anchors = new HashMap<>();
      for (Sample s : pool) {
        float[] a = new float[config.latentDim()];
        for (int i = 0; i < a.length; i++) {
          a[i] = (float) r.nextGaussian();
        }
        anchors.put(s.id(), a);
      }
      double smoothing = train.labelSmoothing();
      extras = (b, ph) -> {
        float[][] a = new float[b.size()][];
        for (int i = 0; i < a.length; i++) {
          a[i] = anchors.get(b.get(i).id());
        }
        ph.put(GraphInputs.ANCHOR, Nd4j.create(a));
        ph.put(GraphInputs.CONTRASTIVE_TARGETS,
            Nd4j.create(GramContrastiveLoss.targets(b.size(), smoothing)).castTo(DataType.FLOAT));
      };
    }
    return new Setup(shape, g, trainer, all, trainable, full, extras, train.learningRate());
  }

  /**
   * Times {@code steps} production steps after {@code warmup} untimed ones, then the phases of
   * {@code phaseSteps} more.
   */
  static Map<String, Object> run(Setup s, int warmup, int steps, int phaseSteps, long seed,
      boolean raw) {
    AdamOptimizer adam = new AdamOptimizer(new ParamStore());
    SplittableRandom r = new SplittableRandom(seed);
    int nb = s.batches().size();
    warm(s, adam, warmup, r);
    long gcCount0 = gcCount();
    long gcMs0 = gcMillis();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] ms = new double[steps];
    double[] cpuMs = new double[steps];
    double lossFirst = Double.NaN;
    double lossLast = Double.NaN;
    for (int i = 0; i < steps; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      double loss = s.trainer().step(s.all(), adam, s.batches().get(i % nb), s.trainable(),
          s.lr(), r.nextLong(), s.extras());
      ms[i] = (System.nanoTime() - t0) / 1e6;
      cpuMs[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
      if (i == 0) {
        lossFirst = loss;
      }
      lossLast = loss;
    }
    long gcCount = gcCount() - gcCount0;
    long gcMs = gcMillis() - gcMs0;
    double[] encode = new double[phaseSteps];
    double[] grad = new double[phaseSteps];
    double[] update = new double[phaseSteps];
    for (int i = 0; i < phaseSteps; i++) {
      long t0 = System.nanoTime();
      Map<String, INDArray> ph = s.trainer().stepPlaceholders(s.batches().get(i % nb),
          r.nextLong(), s.extras());
      long t1 = System.nanoTime();
      StageTrainer.LossAndGradients out = s.trainer().lossAndGradients(s.all(), ph,
          s.trainable());
      long t2 = System.nanoTime();
      adam.step(s.all(), out.gradients(), s.lr());
      long t3 = System.nanoTime();
      encode[i] = (t1 - t0) / 1e6;
      grad[i] = (t2 - t1) / 1e6;
      update[i] = (t3 - t2) / 1e6;
    }
    int batch = s.batches().get(0).size();
    double medianMs = Stats.median(ms);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("steps_timed", steps);
    m.put("warmup_steps", warmup);
    m.put("distinct_minibatches", nb);
    m.put("engine", s.trainer().usesKernel(s.trainable()) ? "kernel (io.mlecs.core.kernel)"
        : "samediff graph");
    m.put("graph_ops_forward", s.graph().sameDiff().getOps().size());
    SameDiff gradFn = s.graph().sameDiff().getFunction("grad");
    m.put("graph_ops_gradient_function", gradFn == null ? -1 : gradFn.getOps().size());
    m.put("trainable_tensors", s.trainable().size());
    m.put("trainable_scalars", s.trainable().stream().mapToLong(n -> s.all().get(n).length())
        .sum());
    m.put("ms_per_step", Stats.summary(ms));
    m.put("thread_cpu_ms_per_step", Stats.summary(cpuMs));
    m.put("gc_during_timed_steps", Map.of("collections", gcCount, "ms", gcMs));
    m.put("samples_per_s", Stats.round(batch * 1000.0 / medianMs, 1));
    m.put("tokens_per_s", Stats.round(batch * s.shape().sequenceLength() * 1000.0 / medianMs, 1));
    m.put("target_tokens_per_s",
        Stats.round(batch * s.shape().targetLength() * 1000.0 / medianMs, 1));
    Map<String, Object> phases = new LinkedHashMap<>();
    phases.put("placeholders_ms", Stats.summary(encode));
    phases.put("gradients_ms", Stats.summary(grad));
    phases.put("adam_ms", Stats.summary(update));
    m.put("phases", phases);
    if (raw) {
      m.put("raw_ms_per_step", round(ms));
      m.put("raw_thread_cpu_ms_per_step", round(cpuMs));
      m.put("raw_gradients_ms", round(grad));
    }
    m.put("loss_first_timed_step", Stats.round(lossFirst, 4));
    m.put("loss_last_timed_step", Stats.round(lossLast, 4));
    return m;
  }

  /** {@code n} untimed production steps (JIT, caches, gradient function). */
  static void warm(Setup s, AdamOptimizer adam, int n, SplittableRandom r) {
    int nb = s.batches().size();
    for (int i = 0; i < n; i++) {
      s.trainer().step(s.all(), adam, s.batches().get(i % nb), s.trainable(), s.lr(),
          r.nextLong(), s.extras());
    }
  }

  static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private static double[] round(double[] xs) {
    double[] out = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = Stats.round(xs[i], 2);
    }
    return out;
  }
}
