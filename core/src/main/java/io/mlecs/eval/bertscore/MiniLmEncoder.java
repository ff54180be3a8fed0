package io.mlecs.eval.bertscore;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 token encoder: DJL HuggingFace tokenizer plus one ONNX Runtime session, both
 * created once in the constructor and reused for every call. Sentences are sorted by length and run
 * in padded batches with an attention mask; the first model output (last-layer token states) is cut
 * back to each sentence's real length. Nothing is downloaded: the model and tokenizer are classpath
 * resources ({@link ModelResources}) and DJL runs offline ({@link DjlOffline}).
 *
 * <p>Thread-safe: {@link #encode} may be called concurrently (ONNX Runtime sessions support
 * concurrent runs). Close the encoder to free native memory.
 */
public final class MiniLmEncoder implements TokenEncoder, AutoCloseable {

  /** BERT vocabulary id of [CLS]. */
  public static final long CLS_ID = 101;
  /** BERT vocabulary id of [SEP]. */
  public static final long SEP_ID = 102;

  private final EncoderConfig config;
  private final HuggingFaceTokenizer tokenizer;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final String statesOutput;

  /**
   * Loads the tokenizer and the ONNX session.
   *
   * @param config the inference settings
   * @throws IllegalStateException when the model cannot be loaded
   */
  public MiniLmEncoder(EncoderConfig config) {
    this.config = config;
    DjlOffline.ensure();
    String max = Integer.toString(config.maxLength());
    Map<String, String> options = Map.of(
        "addSpecialTokens", "true",
        "padding", "false",
        "truncation", "true",
        "maxLength", max,
        "modelMaxLength", Integer.toString(EncoderConfig.MODEL_MAX_LENGTH));
    try (InputStream in = ModelResources.open(ModelResources.TOKENIZER_JSON)) {
      this.tokenizer = HuggingFaceTokenizer.newInstance(in, options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + ModelResources.TOKENIZER_JSON, e);
    }
    try {
      this.environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions();
      sessionOptions.setIntraOpNumThreads(config.intraOpThreads());
      sessionOptions.setInterOpNumThreads(1);
      sessionOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      this.session = environment.createSession(ModelResources.read(ModelResources.ONNX_MODEL), sessionOptions);
      this.statesOutput = session.getOutputNames().iterator().next();
    } catch (OrtException e) {
      tokenizer.close();
      throw new IllegalStateException("cannot create the ONNX session for " + ModelResources.ONNX_MODEL, e);
    }
  }

  /**
   * The settings in use.
   *
   * @return the configuration
   */
  public EncoderConfig config() {
    return config;
  }

  /**
   * Tokenizes without running the model.
   *
   * @param text the sentence
   * @return the token strings, [CLS] and [SEP] included
   */
  public String[] tokens(String text) {
    return tokenizer.encode(text).getTokens();
  }

  @Override
  public long clsTokenId() {
    return CLS_ID;
  }

  @Override
  public long sepTokenId() {
    return SEP_ID;
  }

  @Override
  public String describe() {
    return ModelResources.DESCRIPTION + ", max length " + config.maxLength();
  }

  @Override
  public List<TokenEmbeddings> encode(List<String> texts) {
    int n = texts.size();
    Encoding[] encodings = new Encoding[n];
    for (int i = 0; i < n; i++) {
      String text = texts.get(i);
      if (text == null) {
        throw new IllegalArgumentException("texts: entry " + i + " is null");
      }
      encodings[i] = tokenizer.encode(text.strip());
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> encodings[i].getIds().length).reversed());
    TokenEmbeddings[] out = new TokenEmbeddings[n];
    for (int start = 0; start < n; start += config.batchSize()) {
      int end = Math.min(n, start + config.batchSize());
      runBatch(encodings, Arrays.copyOfRange(order, start, end), out);
    }
    return List.of(out);
  }

  private void runBatch(Encoding[] encodings, Integer[] batch, TokenEmbeddings[] out) {
    int b = batch.length;
    int width = 0;
    for (int index : batch) {
      width = Math.max(width, encodings[index].getIds().length);
    }
    long[] ids = new long[b * width];
    long[] mask = new long[b * width];
    long[] types = new long[b * width];
    for (int row = 0; row < b; row++) {
      long[] seq = encodings[batch[row]].getIds();
      System.arraycopy(seq, 0, ids, row * width, seq.length);
      Arrays.fill(mask, row * width, row * width + seq.length, 1L);
    }
    long[] shape = {b, width};
    try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape);
        OrtSession.Result result = session.run(
            Map.of("input_ids", idsTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor),
            java.util.Set.of(statesOutput))) {
      OnnxTensor states = (OnnxTensor) result.get(statesOutput).orElseThrow();
      long[] outShape = states.getInfo().getShape();
      int hidden = (int) outShape[2];
      FloatBuffer buffer = states.getFloatBuffer();
      for (int row = 0; row < b; row++) {
        Encoding encoding = encodings[batch[row]];
        int len = encoding.getIds().length;
        float[][] vectors = new float[len][hidden];
        for (int t = 0; t < len; t++) {
          buffer.position((row * width + t) * hidden);
          buffer.get(vectors[t]);
        }
        out[batch[row]] = new TokenEmbeddings(encoding.getIds(), encoding.getTokens(), vectors);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX inference failed for a batch of " + b + " sentences", e);
    }
  }

  /**
   * Convenience: encodes one sentence.
   *
   * @param text the sentence
   * @return its token embeddings
   */
  public TokenEmbeddings encode(String text) {
    return encode(List.of(text)).get(0);
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the ONNX session", e);
    } finally {
      tokenizer.close();
    }
  }
}
