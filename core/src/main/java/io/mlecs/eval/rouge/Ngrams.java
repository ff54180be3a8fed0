package io.mlecs.eval.rouge;

import io.mlecs.eval.PrfScore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** ROUGE-N: n-gram multiset overlap ({@code _create_ngrams} and {@code _score_ngrams}). */
public final class Ngrams {

  private Ngrams() {}

  /**
   * Counts the n-grams of a token list.
   *
   * @param tokens the tokens (must not contain spaces, which rouge tokens never do)
   * @param n the n-gram order, at least 1
   * @return n-gram (tokens joined by a space) to count
   * @throws IllegalArgumentException when {@code n < 1}
   */
  public static Map<String, Integer> count(List<String> tokens, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n: must be at least 1, got " + n);
    }
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i + n <= tokens.size(); i++) {
      String gram = String.join(" ", tokens.subList(i, i + n));
      counts.merge(gram, 1, Integer::sum);
    }
    return counts;
  }

  /**
   * Scores n-gram overlap: precision = hits / max(|prediction n-grams|, 1), recall = hits /
   * max(|target n-grams|, 1).
   *
   * @param target the target (reference) n-gram counts
   * @param prediction the prediction (candidate) n-gram counts
   * @return the score
   */
  public static PrfScore score(Map<String, Integer> target, Map<String, Integer> prediction) {
    long hits = 0;
    for (Map.Entry<String, Integer> e : target.entrySet()) {
      hits += Math.min(e.getValue(), prediction.getOrDefault(e.getKey(), 0));
    }
    long targetCount = target.values().stream().mapToLong(Integer::longValue).sum();
    long predictionCount = prediction.values().stream().mapToLong(Integer::longValue).sum();
    double precision = hits / (double) Math.max(predictionCount, 1);
    double recall = hits / (double) Math.max(targetCount, 1);
    return PrfScore.of(precision, recall);
  }
}
