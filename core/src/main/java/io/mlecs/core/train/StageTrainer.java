package io.mlecs.core.train;

import io.mlecs.core.config.StepEngine;
import io.mlecs.core.data.Sample;
import io.mlecs.core.kernel.UnifiedModelKernel;
import io.mlecs.core.kernel.Mat;
import io.mlecs.core.model.BatchEncoder;
import io.mlecs.core.model.GraphInputs;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.model.UnifiedModelGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs the epochs of one training stage: seeded minibatches, placeholders, optional LoRA dropout
 * masks drawn from the stage's own random stream, one gradient computation and one Adam step per
 * minibatch on exactly the named trainable parameters. The gradient computation is the
 * hand-written {@link UnifiedModelKernel} where the engine is {@link StepEngine#KERNEL} and the
 * kernel computes the graph's objective and every trainable parameter, else the SameDiff graph.
 */
public final class StageTrainer {
  /** Adds stage-specific placeholders (anchors, teacher distributions, contrastive targets). */
  @FunctionalInterface
  public interface Extras {
    void add(List<Sample> batch, Map<String, INDArray> placeholders);

    static Extras none() {
      return (b, ph) -> { };
    }
  }

  /**
   * A loss term computed outside the graph from the parameters alone (e.g. the FedProx proximal
   * term): adds its gradient to {@code grads} (a mutable map; entries may be replaced) and
   * returns its value. An exact gradient add-on: no SameDiff op is involved.
   */
  @FunctionalInterface
  public interface Penalty {
    double addTo(ParamStore params, Map<String, INDArray> grads);

    static Penalty none() {
      return (p, g) -> 0.0;
    }
  }

  /** Loss and gradients of one minibatch. */
  public record LossAndGradients(double loss, Map<String, INDArray> gradients) {}

  private final UnifiedModelGraph graph;
  private final BatchEncoder encoder;
  private final List<Integer> modalityIndices;
  private StepEngine engine = StepEngine.KERNEL;
  private UnifiedModelKernel kernel;

  public StageTrainer(UnifiedModelGraph graph, BatchEncoder encoder) {
    this.graph = graph;
    this.encoder = encoder;
    this.modalityIndices = modalityIndices(graph);
  }

  static List<Integer> modalityIndices(UnifiedModelGraph graph) {
    List<Integer> idx = new ArrayList<>();
    int mask = graph.spec().modalityMask();
    for (int m = 0; m < graph.spec().shape().dataset().numModalities(); m++) {
      if ((mask & (1 << m)) != 0) {
        idx.add(m);
      }
    }
    return idx;
  }

  /** Placeholders of a batch (features, tokens, labels) plus extras. */
  public Map<String, INDArray> placeholders(List<Sample> batch, Extras extras) {
    Map<String, INDArray> ph = encoder.encode(batch, graph.modalities(), modalityIndices,
        DataType.FLOAT);
    extras.add(batch, ph);
    return ph;
  }

  /** Trains and returns the mean minibatch loss of the last epoch (NaN if nothing ran). */
  public double train(ParamStore params, AdamOptimizer adam, List<Sample> samples,
      List<String> trainable, int epochs, double lr, long seed, Extras extras) {
    return train(params, adam, samples, trainable, epochs, lr, seed, extras, Penalty.none());
  }

  /** As {@link #train(ParamStore, AdamOptimizer, List, List, int, double, long, Extras)} with
   * an extra loss term on the parameters. */
  public double train(ParamStore params, AdamOptimizer adam, List<Sample> samples,
      List<String> trainable, int epochs, double lr, long seed, Extras extras, Penalty penalty) {
    SplittableRandom r = new SplittableRandom(seed);
    double last = Double.NaN;
    if (samples.size() < 2 || trainable.isEmpty()) {
      return last;
    }
    for (int e = 0; e < epochs; e++) {
      double sum = 0;
      int n = 0;
      for (List<Sample> batch : Minibatches.of(samples, batchSizeHint, r.nextLong())) {
        sum += step(params, adam, batch, trainable, lr, r.nextLong(), extras, penalty);
        n++;
      }
      last = sum / n;
    }
    return last;
  }

  /** One gradient step on one minibatch; returns its loss. */
  public double step(ParamStore params, AdamOptimizer adam, List<Sample> batch,
      List<String> trainable, double lr, long dropoutSeed, Extras extras) {
    return step(params, adam, batch, trainable, lr, dropoutSeed, extras, Penalty.none());
  }

  /** One gradient step of graph loss + penalty on one minibatch; returns that loss. */
  public double step(ParamStore params, AdamOptimizer adam, List<Sample> batch,
      List<String> trainable, double lr, long dropoutSeed, Extras extras, Penalty penalty) {
    LossAndGradients lg = withPenalty(params, lossAndGradients(params,
        stepPlaceholders(batch, dropoutSeed, extras), trainable), penalty);
    if (!Double.isFinite(lg.loss())) {
      throw new IllegalStateException("training loss became " + lg.loss() + " (learning rate "
          + lr + ", batch of " + batch.size() + ")");
    }
    for (Map.Entry<String, INDArray> g : lg.gradients().entrySet()) {
      if (!Mat.allFinite(g.getValue())) {
        throw new IllegalStateException("gradient of '" + g.getKey() + "' is not finite (loss "
            + lg.loss() + ", learning rate " + lr + ", batch of " + batch.size()
            + "): refusing to update the parameters");
      }
    }
    adam.step(params, lg.gradients(), lr);
    return lg.loss();
  }

  /**
   * Graph loss + penalty of one minibatch at the current parameters and its gradient with
   * respect to {@code trainable} (no update); the gradient arrays are the caller's own.
   */
  public LossAndGradients lossAndGradients(ParamStore params, List<Sample> batch,
      List<String> trainable, long dropoutSeed, Extras extras, Penalty penalty) {
    LossAndGradients lg = lossAndGradients(params, stepPlaceholders(batch, dropoutSeed, extras),
        trainable);
    lg.gradients().replaceAll((name, g) -> g.dup());
    return withPenalty(params, lg, penalty);
  }

  /** The graph's loss and gradients plus the penalty's (added into the same map). */
  private static LossAndGradients withPenalty(ParamStore params, LossAndGradients graph,
      Penalty penalty) {
    double loss = graph.loss() + penalty.addTo(params, graph.gradients());
    return new LossAndGradients(loss, graph.gradients());
  }

  /**
   * Graph loss of the fed placeholders (as {@link #stepPlaceholders} builds them) and its
   * gradient with respect to {@code trainable}, in a mutable map, from the selected engine. The
   * kernel's gradient arrays are its own buffers: they hold this call's values until the next
   * call on this trainer (a step consumes them at once).
   */
  public LossAndGradients lossAndGradients(ParamStore params, Map<String, INDArray> ph,
      List<String> trainable) {
    double loss;
    Map<String, INDArray> grads;
    if (usesKernel(trainable)) {
      if (kernel == null) {
        kernel = new UnifiedModelKernel(graph.spec(), graph.modalities());
      }
      UnifiedModelKernel.Result r = kernel.lossAndGradients(params, ph, trainable);
      loss = r.loss();
      grads = new java.util.LinkedHashMap<>(r.gradients());
    } else {
      var out = graph.sameDiff().calculateGradientsAndOutputs(ph, List.of(GraphInputs.LOSS),
          trainable);
      loss = out.getOutputs().get(GraphInputs.LOSS).getDouble(0);
      grads = new java.util.LinkedHashMap<>(out.getGradients());
    }
    return new LossAndGradients(loss, grads);
  }

  /** Whether a step on {@code trainable} runs on the hand-written kernel. */
  public boolean usesKernel(List<String> trainable) {
    return engine == StepEngine.KERNEL && UnifiedModelKernel.supports(graph.spec())
        && trainable.stream().allMatch(n -> UnifiedModelKernel.computesGradientOf(graph.spec(),
            n));
  }

  /** Selects what computes the steps' gradients (default {@link StepEngine#KERNEL}). */
  public StageTrainer engine(StepEngine e) {
    this.engine = e;
    return this;
  }

  private int batchSizeHint = 16;

  public StageTrainer batchSize(int b) {
    this.batchSizeHint = b;
    return this;
  }

  /**
   * Every placeholder of one training step, as {@link #step} feeds them: batch, extras and (if
   * on) LoRA dropout masks (for benchmarks that time the phases of a step).
   */
  public Map<String, INDArray> stepPlaceholders(List<Sample> batch, long dropoutSeed,
      Extras extras) {
    Map<String, INDArray> ph = placeholders(batch, extras);
    if (graph.spec().loraDropout()) {
      addDropoutMasks(ph, batch.size(), dropoutSeed);
    }
    return ph;
  }

  private void addDropoutMasks(Map<String, INDArray> ph, int batch, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double p = graph.spec().shape().config().loraDropout();
    int rows = batch * graph.spec().shape().sequenceLength();
    int d = graph.spec().shape().config().dModel();
    for (int l = 0; l < graph.spec().shape().config().layers(); l++) {
      for (char proj : new char[] {'q', 'v'}) {
        float[] m = new float[rows * d];
        // the graph takes the LoRA scale alpha / r from the mask (GraphInputs.dropout)
        float keep = (float) (graph.spec().shape().config().loraScale() / (1.0 - p));
        for (int i = 0; i < m.length; i++) {
          m[i] = r.nextDouble() < p ? 0f : keep;
        }
        ph.put(GraphInputs.dropout(l, proj), Nd4j.create(m, new long[] {rows, d}, 'c'));
      }
    }
  }
}
