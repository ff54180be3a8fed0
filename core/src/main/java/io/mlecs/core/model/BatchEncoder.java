package io.mlecs.core.model;

import io.mlecs.core.data.Modality;
import io.mlecs.core.data.Sample;
import io.mlecs.core.data.WordTokenizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns samples into the placeholder arrays of a unified-model graph: modality features and
 * presence mask, instruction + BOS + shifted target token ids, one-hot next-token labels and
 * label weights (1 up to and including EOS, 0 for padding).
 */
public final class BatchEncoder {
  private final ModelShape shape;
  private final WordTokenizer tokenizer;
  private final int[] promptIds;

  public BatchEncoder(ModelShape shape, WordTokenizer tokenizer, int[] promptIds) {
    if (promptIds.length != shape.promptLength()) {
      throw new IllegalArgumentException("prompt has " + promptIds.length
          + " tokens but the model shape expects " + shape.promptLength());
    }
    this.shape = shape;
    this.tokenizer = tokenizer;
    this.promptIds = promptIds.clone();
  }

  public ModelShape shape() {
    return shape;
  }

  public WordTokenizer tokenizer() {
    return tokenizer;
  }

  /** Target ids: the words of the text, truncated to leave room for EOS, then EOS, then PAD. */
  public int[] targetIds(String text) {
    int tt = shape.targetLength();
    int[] words = tokenizer.encode(text);
    int[] out = new int[tt];
    int n = Math.min(words.length, tt - 1);
    System.arraycopy(words, 0, out, 0, n);
    out[n] = WordTokenizer.EOS;
    return out;
  }

  /** Features, mask, tokens, labels and label weights for {@code samples}. */
  public Map<String, INDArray> encode(List<Sample> samples, List<Modality> owned,
      List<Integer> ownedIndices, DataType dt) {
    Map<String, INDArray> ph = new HashMap<>();
    encodeFeatures(samples, owned, ownedIndices, dt, ph);
    int b = samples.size();
    int tt = shape.targetLength();
    int tx = shape.tokenLength();
    int v = shape.vocabSize();
    int[] tokens = new int[b * tx];
    double[] labels = new double[b * tt * v];
    double[] weights = new double[b * tt];
    for (int i = 0; i < b; i++) {
      int[] target = targetIds(samples.get(i).targetText());
      int base = i * tx;
      System.arraycopy(promptIds, 0, tokens, base, promptIds.length);
      tokens[base + promptIds.length] = WordTokenizer.BOS;
      System.arraycopy(target, 0, tokens, base + promptIds.length + 1, tt - 1);
      boolean scored = true;
      for (int j = 0; j < tt; j++) {
        if (scored) {
          labels[(i * tt + j) * v + target[j]] = 1.0;
          weights[i * tt + j] = 1.0;
        }
        if (target[j] == WordTokenizer.EOS) {
          scored = false;
        }
      }
    }
    ph.put(GraphInputs.TOKENS, Nd4j.createFromArray(tokens));
    ph.put(GraphInputs.LABELS, Nd4j.create(labels, new long[] {(long) b * tt, v}, DataType.DOUBLE)
        .castTo(dt));
    ph.put(GraphInputs.LABEL_WEIGHTS, Nd4j.create(weights, new long[] {(long) b * tt},
        DataType.DOUBLE).castTo(dt));
    return ph;
  }

  /** Token placeholder for generation: instruction, BOS, the tokens generated so far, padding. */
  public INDArray generationTokens(int[][] generated) {
    int tx = shape.tokenLength();
    int[] tokens = new int[generated.length * tx];
    for (int i = 0; i < generated.length; i++) {
      int base = i * tx;
      System.arraycopy(promptIds, 0, tokens, base, promptIds.length);
      tokens[base + promptIds.length] = WordTokenizer.BOS;
      System.arraycopy(generated[i], 0, tokens, base + promptIds.length + 1,
          Math.min(generated[i].length, shape.targetLength() - 1));
    }
    return Nd4j.createFromArray(tokens);
  }

  /** Modality features (zeros where missing) and the presence mask. */
  public static void encodeFeatures(List<Sample> samples, List<Modality> owned,
      List<Integer> ownedIndices, DataType dt, Map<String, INDArray> ph) {
    int b = samples.size();
    double[] mask = new double[b * owned.size()];
    for (int k = 0; k < owned.size(); k++) {
      Modality m = owned.get(k);
      int idx = ownedIndices.get(k);
      double[] feat = new double[b * m.dim()];
      for (int i = 0; i < b; i++) {
        float[] f = samples.get(i).features()[idx];
        if (f == null) {
          continue;
        }
        if (f.length != m.dim()) {
          throw new IllegalArgumentException("sample " + samples.get(i).id() + ": modality '"
              + m.name() + "' has " + f.length + " features, expected " + m.dim());
        }
        mask[i * owned.size() + k] = 1.0;
        for (int j = 0; j < f.length; j++) {
          feat[i * m.dim() + j] = f[j];
        }
      }
      ph.put(GraphInputs.feature(m.name()),
          Nd4j.create(feat, new long[] {b, m.dim()}, DataType.DOUBLE).castTo(dt));
    }
    ph.put(GraphInputs.MASK, Nd4j.create(mask, new long[] {b, owned.size()}, DataType.DOUBLE)
        .castTo(dt));
  }
}
