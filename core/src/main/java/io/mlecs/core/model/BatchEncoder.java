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
    float[] labels = new float[b * tt * v];
    float[] weights = new float[b * tt];
    for (int i = 0; i < b; i++) {
      int[] target = targetIds(samples.get(i).targetText());
      int base = i * tx;
      System.arraycopy(promptIds, 0, tokens, base, promptIds.length);
      tokens[base + promptIds.length] = WordTokenizer.BOS;
      System.arraycopy(target, 0, tokens, base + promptIds.length + 1, tt - 1);
      boolean scored = true;
      for (int j = 0; j < tt; j++) {
        if (scored) {
          labels[(i * tt + j) * v + target[j]] = 1f;
          weights[i * tt + j] = 1f;
        }
        if (target[j] == WordTokenizer.EOS) {
          scored = false;
        }
      }
    }
    ph.put(GraphInputs.TOKENS, Nd4j.createFromArray(tokens));
    ph.put(GraphInputs.LABELS, array(labels, dt, (long) b * tt, v));
    ph.put(GraphInputs.LABEL_WEIGHTS, array(weights, dt, (long) b * tt));
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
    float[] mask = new float[b * owned.size()];
    for (int k = 0; k < owned.size(); k++) {
      Modality m = owned.get(k);
      int idx = ownedIndices.get(k);
      float[] feat = new float[b * m.dim()];
      for (int i = 0; i < b; i++) {
        float[] f = samples.get(i).features()[idx];
        if (f == null) {
          continue;
        }
        if (f.length != m.dim()) {
          throw new IllegalArgumentException("sample " + samples.get(i).id() + ": modality '"
              + m.name() + "' has " + f.length + " features, expected " + m.dim());
        }
        mask[i * owned.size() + k] = 1f;
        System.arraycopy(f, 0, feat, i * m.dim(), f.length);
      }
      ph.put(GraphInputs.feature(m.name()), array(feat, dt, b, m.dim()));
    }
    ph.put(GraphInputs.MASK, array(mask, dt, b, owned.size()));
  }

  /**
   * A c-order array of type {@code dt} holding {@code data}: FLOAT (training and inference) is
   * built from the float values directly, with no double copy and no cast; other types are
   * widened exactly (features are float32, labels, weights and masks 0/1).
   */
  static INDArray array(float[] data, DataType dt, long... shape) {
    if (dt == DataType.FLOAT) {
      return Nd4j.create(data, shape, 'c');
    }
    double[] wide = new double[data.length];
    for (int i = 0; i < data.length; i++) {
      wide[i] = data[i];
    }
    return Nd4j.create(wide, shape, DataType.DOUBLE).castTo(dt);
  }
}
