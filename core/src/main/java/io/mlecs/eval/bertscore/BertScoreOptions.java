package io.mlecs.eval.bertscore;

/**
 * Scoring options of {@link BertScorer}.
 *
 * @param idf whether to weight tokens by inverse document frequency over the references of the call
 * @param baseline the rescale baseline, or null for raw scores
 */
public record BertScoreOptions(boolean idf, BaselineRescale baseline) {

  /** No idf, no rescaling (bert_score's defaults). */
  public static final BertScoreOptions DEFAULTS = new BertScoreOptions(false, null);

  /**
   * Whether scores are rescaled.
   *
   * @return true when a baseline is set
   */
  public boolean rescaled() {
    return baseline != null;
  }
}
