package io.mlecs.core.train;

import io.mlecs.core.config.StepEngine;
import io.mlecs.core.data.Sample;
import io.mlecs.core.data.WordTokenizer;
import io.mlecs.core.kernel.UnifiedModelKernel;
import io.mlecs.core.model.BatchEncoder;
import io.mlecs.core.model.GraphInputs;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.model.UnifiedModelGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Inference with a built graph: fused representations, target logits, loss and greedy decoding.
 * Given the parameters and {@link StepEngine#KERNEL}, the forward passes run on the hand-written
 * {@link UnifiedModelKernel} (the same function as the graph's outputs) where ND4J runs on its
 * CPU backend, else on the SameDiff graph.
 */
public final class ModelRunner {
  private static final int EVAL_BATCH = 32;
  private final UnifiedModelGraph graph;
  private final BatchEncoder encoder;
  private final List<Integer> modalityIndices;
  private final ParamStore params;
  private final UnifiedModelKernel kernel;

  /** Forward passes on the SameDiff graph. */
  public ModelRunner(UnifiedModelGraph graph, BatchEncoder encoder) {
    this(graph, encoder, null, StepEngine.SAMEDIFF);
  }

  /**
   * @param params the parameters the graph was built from (read by the kernel)
   * @param engine {@link StepEngine#KERNEL}: forward passes on the kernel where it runs
   */
  public ModelRunner(UnifiedModelGraph graph, BatchEncoder encoder, ParamStore params,
      StepEngine engine) {
    this.graph = graph;
    this.encoder = encoder;
    this.modalityIndices = StageTrainer.modalityIndices(graph);
    this.params = params;
    boolean kernelRuns = engine == StepEngine.KERNEL && params != null
        && !graph.spec().pretrain() && UnifiedModelKernel.onCpuBackend();
    this.kernel = kernelRuns ? UnifiedModelKernel.forInference(graph.spec(), graph.modalities())
        : null;
  }

  /** Whether the forward passes run on the hand-written kernel. */
  public boolean usesKernel() {
    return kernel != null;
  }

  private Map<String, INDArray> placeholders(List<Sample> batch) {
    return encoder.encode(batch, graph.modalities(), modalityIndices, DataType.FLOAT);
  }

  private Map<String, INDArray> featuresOnly(List<Sample> batch) {
    Map<String, INDArray> ph = new java.util.HashMap<>();
    BatchEncoder.encodeFeatures(batch, graph.modalities(), modalityIndices, DataType.FLOAT, ph);
    return ph;
  }

  /** Fused representation s of every sample, [n][d_s]. */
  public float[][] fused(List<Sample> samples) {
    List<float[]> rows = new ArrayList<>();
    for (List<Sample> b : Minibatches.chunk(samples, EVAL_BATCH)) {
      INDArray f = kernel != null ? kernel.fused(params, featuresOnly(b))
          : graph.sameDiff().output(featuresOnly(b), GraphInputs.FUSED).get(GraphInputs.FUSED);
      for (int i = 0; i < b.size(); i++) {
        rows.add(f.getRow(i).toFloatVector());
      }
    }
    return rows.toArray(new float[0][]);
  }

  /** Logits at the target positions (teacher forcing), [n * targetLength][V]. */
  public float[][] targetLogits(List<Sample> samples) {
    List<float[]> rows = new ArrayList<>();
    for (List<Sample> b : Minibatches.chunk(samples, EVAL_BATCH)) {
      Map<String, INDArray> ph = placeholders(b);
      ph.remove(GraphInputs.LABELS);
      ph.remove(GraphInputs.LABEL_WEIGHTS);
      INDArray l = logits(ph);
      for (int i = 0; i < l.rows(); i++) {
        rows.add(l.getRow(i).toFloatVector());
      }
    }
    return rows.toArray(new float[0][]);
  }

  /** Sample-weighted mean of the supervised LM loss (graph objective LM). */
  public double meanLoss(List<Sample> samples) {
    double sum = 0;
    int n = 0;
    for (List<Sample> b : Minibatches.chunk(samples, EVAL_BATCH)) {
      double l = kernel != null ? kernel.lmLoss(params, placeholders(b))
          : graph.sameDiff().output(placeholders(b), GraphInputs.LM_LOSS)
              .get(GraphInputs.LM_LOSS).getDouble(0);
      sum += l * b.size();
      n += b.size();
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private INDArray logits(Map<String, INDArray> ph) {
    return kernel != null ? kernel.logits(params, ph)
        : graph.sameDiff().output(ph, GraphInputs.LOGITS).get(GraphInputs.LOGITS);
  }

  /** Greedy decoding of at most targetLength - 1 tokens per sample (inference graph). */
  public List<String> generate(List<Sample> samples) {
    int tt = graph.spec().shape().targetLength();
    int v = graph.spec().shape().vocabSize();
    List<String> out = new ArrayList<>();
    for (List<Sample> b : Minibatches.chunk(samples, EVAL_BATCH)) {
      Map<String, INDArray> ph = featuresOnly(b);
      int[][] gen = new int[b.size()][tt];
      boolean[] done = new boolean[b.size()];
      for (int step = 0; step < tt; step++) {
        ph.put(GraphInputs.TOKENS, encoder.generationTokens(gen));
        INDArray logits = logits(ph).reshape(b.size(), tt, v);
        boolean all = true;
        for (int i = 0; i < b.size(); i++) {
          if (done[i]) {
            continue;
          }
          int next = logits.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i),
              org.nd4j.linalg.indexing.NDArrayIndex.point(step),
              org.nd4j.linalg.indexing.NDArrayIndex.all()).argMax().getInt(0);
          gen[i][step] = next;
          if (next == WordTokenizer.EOS || step == tt - 1) {
            done[i] = true;
          } else {
            all = false;
          }
        }
        if (all) {
          break;
        }
      }
      for (int[] g : gen) {
        out.add(encoder.tokenizer().decode(g));
      }
    }
    return out;
  }
}
