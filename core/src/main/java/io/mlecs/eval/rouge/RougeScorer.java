package io.mlecs.eval.rouge;

import io.mlecs.eval.PrfScore;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes ROUGE scores between a target (reference) and a prediction, with rouge-score's
 * {@code RougeScorer.score} semantics. Thread-safe.
 */
public final class RougeScorer {

  private final Set<RougeType> types;
  private final RougeTokenizer tokenizer;

  /**
   * Creates a scorer.
   *
   * @param types the ROUGE types to compute (at least one)
   * @param useStemmer whether to stem tokens with the NLTK Porter stemmer
   * @throws IllegalArgumentException when {@code types} is empty
   */
  public RougeScorer(Set<RougeType> types, boolean useStemmer) {
    if (types == null || types.isEmpty()) {
      throw new IllegalArgumentException("types: at least one ROUGE type is required, got " + types);
    }
    this.types = EnumSet.copyOf(types);
    this.tokenizer = new RougeTokenizer(useStemmer);
  }

  /**
   * A scorer for all four types.
   *
   * @param useStemmer whether to stem
   * @return the scorer
   */
  public static RougeScorer allTypes(boolean useStemmer) {
    return new RougeScorer(EnumSet.allOf(RougeType.class), useStemmer);
  }

  /**
   * Scores one pair for every configured type.
   *
   * @param target the reference text
   * @param prediction the candidate text
   * @return type to score, in enum order
   */
  public Map<RougeType, PrfScore> score(String target, String prediction) {
    Map<RougeType, PrfScore> scores = new EnumMap<>(RougeType.class);
    List<String> targetTokens = null;
    List<String> predictionTokens = null;
    for (RougeType type : types) {
      if (type == RougeType.ROUGE_LSUM) {
        scores.put(type, Lcs.summaryLevel(sentenceTokens(target), sentenceTokens(prediction)));
        continue;
      }
      if (targetTokens == null) {
        targetTokens = tokenizer.tokenize(target);
        predictionTokens = tokenizer.tokenize(prediction);
      }
      if (type == RougeType.ROUGE_L) {
        scores.put(type, Lcs.score(targetTokens, predictionTokens));
      } else {
        int n = type.ngramOrder();
        scores.put(type, Ngrams.score(Ngrams.count(targetTokens, n), Ngrams.count(predictionTokens, n)));
      }
    }
    return scores;
  }

  /**
   * Scores one pair for one type (which need not be among the configured types).
   *
   * @param type the ROUGE type
   * @param target the reference text
   * @param prediction the candidate text
   * @return the score
   */
  public PrfScore score(RougeType type, String target, String prediction) {
    return new RougeScorer(EnumSet.of(type), tokenizer.usesStemmer()).score(target, prediction).get(type);
  }

  /** Newline-separated, non-empty sentences, each tokenized (rouge-score's {@code get_sents}). */
  private List<List<String>> sentenceTokens(String text) {
    List<List<String>> sentences = new ArrayList<>();
    if (text == null) {
      return sentences;
    }
    for (String sentence : text.split("\n", -1)) {
      if (!sentence.isEmpty()) {
        sentences.add(tokenizer.tokenize(sentence));
      }
    }
    return sentences;
  }
}
