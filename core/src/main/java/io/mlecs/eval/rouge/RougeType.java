package io.mlecs.eval.rouge;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The ROUGE variants, named as in rouge-score. */
public enum RougeType {
  /** Unigram overlap. */
  ROUGE1("rouge1", 1),
  /** Bigram overlap. */
  ROUGE2("rouge2", 2),
  /** Longest common subsequence over the whole text (newlines are plain whitespace). */
  ROUGE_L("rougeL", 0),
  /** Summary-level union LCS over newline-separated sentences. */
  ROUGE_LSUM("rougeLsum", 0);

  private final String key;
  private final int ngramOrder;

  RougeType(String key, int ngramOrder) {
    this.key = key;
    this.ngramOrder = ngramOrder;
  }

  /**
   * The rouge-score name of this type.
   *
   * @return e.g. {@code "rougeLsum"}
   */
  public String key() {
    return key;
  }

  /**
   * The n of an n-gram type.
   *
   * @return 1 or 2 for ROUGE-N types, 0 for the LCS types
   */
  public int ngramOrder() {
    return ngramOrder;
  }

  /**
   * Looks a type up by its rouge-score name (case-insensitive).
   *
   * @param key e.g. {@code "rouge1"} or {@code "rougeLsum"}
   * @return the type
   * @throws IllegalArgumentException when the name is unknown
   */
  public static RougeType fromKey(String key) {
    for (RougeType type : values()) {
      if (type.key.equalsIgnoreCase(key)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "rouge type: unknown value '" + key + "', expected one of "
            + Arrays.stream(values()).map(RougeType::key).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return key;
  }
}
