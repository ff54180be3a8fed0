package io.mlecs.eval.bertscore;

import io.mlecs.eval.PrfScore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores candidate/reference pairs with BERTScore: encodes every distinct sentence once (batched),
 * builds the token weights (uniform, or idf over this call's references as bert_score does) and runs
 * {@link GreedyMatcher} per pair. Thread-safe when the encoder is.
 */
public final class BertScorer {

  private final TokenEncoder encoder;
  private final BertScoreOptions options;

  /**
   * Creates a scorer.
   *
   * @param encoder the token encoder (e.g. {@link MiniLmEncoder}); not closed by this class
   * @param options idf and rescaling
   */
  public BertScorer(TokenEncoder encoder, BertScoreOptions options) {
    if (encoder == null || options == null) {
      throw new IllegalArgumentException("encoder/options: must not be null");
    }
    this.encoder = encoder;
    this.options = options;
  }

  /**
   * The options in use.
   *
   * @return the options
   */
  public BertScoreOptions options() {
    return options;
  }

  /**
   * Scores pairs.
   *
   * @param candidates the candidate sentences
   * @param references the reference sentences, same count
   * @return one score per pair
   * @throws IllegalArgumentException when the counts differ
   */
  public List<PrfScore> score(List<String> candidates, List<String> references) {
    if (candidates.size() != references.size()) {
      throw new IllegalArgumentException(
          "references: " + references.size() + " references for " + candidates.size() + " candidates");
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    Set<String> distinct = new LinkedHashSet<>(candidates);
    distinct.addAll(references);
    List<String> texts = new ArrayList<>(distinct);
    List<TokenEmbeddings> encoded = encoder.encode(texts);
    Map<String, TokenEmbeddings> byText = new HashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      byText.put(texts.get(i), encoded.get(i));
    }
    IdfWeights weights;
    if (options.idf()) {
      List<long[]> referenceIds = new ArrayList<>(references.size());
      for (String r : references) {
        referenceIds.add(byText.get(r).ids());
      }
      weights = IdfWeights.fromReferences(referenceIds);
    } else {
      weights = IdfWeights.uniform(encoder.clsTokenId(), encoder.sepTokenId());
    }
    List<PrfScore> scores = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      PrfScore s = GreedyMatcher.score(
          byText.get(candidates.get(i)), byText.get(references.get(i)),
          weights, encoder.clsTokenId(), encoder.sepTokenId());
      scores.add(options.rescaled() ? options.baseline().apply(s) : s);
    }
    return scores;
  }
}
