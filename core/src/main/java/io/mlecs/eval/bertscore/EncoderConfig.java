package io.mlecs.eval.bertscore;

/**
 * Inference settings of {@link MiniLmEncoder}.
 *
 * @param maxLength the maximum number of tokens per sentence, special tokens included (1..512);
 *     longer sentences are truncated
 * @param batchSize the number of sentences per ONNX run (sentences are length-sorted first, so a
 *     batch pads little)
 * @param intraOpThreads ONNX Runtime intra-op threads (at least 1)
 */
public record EncoderConfig(int maxLength, int batchSize, int intraOpThreads) {

  /** The longest input the model's position embeddings allow. */
  public static final int MODEL_MAX_LENGTH = 512;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the bad setting
   */
  public EncoderConfig {
    if (maxLength < 2 || maxLength > MODEL_MAX_LENGTH) {
      throw new IllegalArgumentException("maxLength: must be in 2.." + MODEL_MAX_LENGTH + ", got " + maxLength);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize: must be at least 1, got " + batchSize);
    }
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException("intraOpThreads: must be at least 1, got " + intraOpThreads);
    }
  }

  /**
   * Defaults: max length 512, batch 32, one thread per available processor.
   *
   * @return the default settings
   */
  public static EncoderConfig defaults() {
    return new EncoderConfig(MODEL_MAX_LENGTH, 32, Runtime.getRuntime().availableProcessors());
  }

  /**
   * A copy with another thread count.
   *
   * @param threads the intra-op thread count
   * @return the new settings
   */
  public EncoderConfig withThreads(int threads) {
    return new EncoderConfig(maxLength, batchSize, threads);
  }

  /**
   * A copy with another batch size.
   *
   * @param size the batch size
   * @return the new settings
   */
  public EncoderConfig withBatchSize(int size) {
    return new EncoderConfig(maxLength, size, intraOpThreads);
  }
}
