package io.mlecs.core.train;

import io.mlecs.core.data.Sample;
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
 * minibatch on exactly the named trainable parameters.
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

  private final UnifiedModelGraph graph;
  private final BatchEncoder encoder;
  private final List<Integer> modalityIndices;

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
    SplittableRandom r = new SplittableRandom(seed);
    double last = Double.NaN;
    if (samples.size() < 2 || trainable.isEmpty()) {
      return last;
    }
    for (int e = 0; e < epochs; e++) {
      double sum = 0;
      int n = 0;
      for (List<Sample> batch : Minibatches.of(samples, batchSizeHint, r.nextLong())) {
        sum += step(params, adam, batch, trainable, lr, r.nextLong(), extras);
        n++;
      }
      last = sum / n;
    }
    return last;
  }

  /** One gradient step on one minibatch; returns its loss. */
  public double step(ParamStore params, AdamOptimizer adam, List<Sample> batch,
      List<String> trainable, double lr, long dropoutSeed, Extras extras) {
    Map<String, INDArray> ph = placeholders(batch, extras);
    if (graph.spec().loraDropout()) {
      addDropoutMasks(ph, batch.size(), dropoutSeed);
    }
    var out = graph.sameDiff().calculateGradientsAndOutputs(ph, List.of(GraphInputs.LOSS),
        trainable);
    double loss = out.getOutputs().get(GraphInputs.LOSS).getDouble(0);
    if (!Double.isFinite(loss)) {
      throw new IllegalStateException("training loss became " + loss + " (learning rate " + lr
          + ", batch of " + batch.size() + ")");
    }
    adam.step(params, out.getGradients(), lr);
    return loss;
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
        float keep = (float) (1.0 / (1.0 - p));
        for (int i = 0; i < m.length; i++) {
          m[i] = r.nextDouble() < p ? 0f : keep;
        }
        ph.put(GraphInputs.dropout(l, proj), Nd4j.create(m, new long[] {rows, d}, 'c'));
      }
    }
  }
}
