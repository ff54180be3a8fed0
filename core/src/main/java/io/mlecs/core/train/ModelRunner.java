package io.mlecs.core.train;

import io.mlecs.core.data.Sample;
import io.mlecs.core.data.WordTokenizer;
import io.mlecs.core.model.BatchEncoder;
import io.mlecs.core.model.GraphInputs;
import io.mlecs.core.model.UnifiedModelGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Inference with a built graph: fused representations, target logits, loss and greedy decoding. */
public final class ModelRunner {
  private static final int EVAL_BATCH = 32;
  private final UnifiedModelGraph graph;
  private final BatchEncoder encoder;
  private final List<Integer> modalityIndices;

  public ModelRunner(UnifiedModelGraph graph, BatchEncoder encoder) {
    this.graph = graph;
    this.encoder = encoder;
    this.modalityIndices = StageTrainer.modalityIndices(graph);
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
      INDArray f = graph.sameDiff().output(featuresOnly(b), GraphInputs.FUSED)
          .get(GraphInputs.FUSED);
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
      INDArray l = graph.sameDiff().output(ph, GraphInputs.LOGITS).get(GraphInputs.LOGITS);
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
      double l = graph.sameDiff().output(placeholders(b), GraphInputs.LM_LOSS)
          .get(GraphInputs.LM_LOSS).getDouble(0);
      sum += l * b.size();
      n += b.size();
    }
    return n == 0 ? Double.NaN : sum / n;
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
        INDArray logits = graph.sameDiff().output(ph, GraphInputs.LOGITS).get(GraphInputs.LOGITS)
            .reshape(b.size(), tt, v);
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
