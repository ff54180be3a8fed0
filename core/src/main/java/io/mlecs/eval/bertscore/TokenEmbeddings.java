package io.mlecs.eval.bertscore;

/**
 * The contextual embeddings of one tokenized sentence, special tokens included.
 *
 * @param ids the token ids, {@code [CLS] ... [SEP]}
 * @param tokens the token strings (for diagnostics; may be null)
 * @param states one vector per token, {@code states[i].length} = hidden size
 */
public record TokenEmbeddings(long[] ids, String[] tokens, float[][] states) {

  /**
   * Validates the shapes.
   *
   * @throws IllegalArgumentException when ids, tokens and states disagree in length
   */
  public TokenEmbeddings {
    if (ids == null || states == null || ids.length != states.length) {
      throw new IllegalArgumentException(
          "states: one vector per token id is required, got "
              + (ids == null ? "null" : ids.length) + " ids and "
              + (states == null ? "null" : states.length) + " vectors");
    }
    if (tokens != null && tokens.length != ids.length) {
      throw new IllegalArgumentException(
          "tokens: " + tokens.length + " tokens for " + ids.length + " ids");
    }
  }

  /**
   * The number of tokens, special tokens included.
   *
   * @return the sequence length
   */
  public int length() {
    return ids.length;
  }
}
