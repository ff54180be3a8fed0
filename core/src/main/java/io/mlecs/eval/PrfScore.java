package io.mlecs.eval;

/**
 * A precision / recall / F-measure triple, as returned by ROUGE and BERTScore.
 *
 * @param precision the precision
 * @param recall the recall
 * @param fmeasure the harmonic mean of precision and recall (see {@link #fmeasure(double, double)})
 */
public record PrfScore(double precision, double recall, double fmeasure) {

  /** The all-zero score (empty inputs). */
  public static final PrfScore ZERO = new PrfScore(0.0, 0.0, 0.0);

  /**
   * Builds a score from precision and recall, deriving the F-measure.
   *
   * @param precision the precision
   * @param recall the recall
   * @return the score with {@code fmeasure = fmeasure(precision, recall)}
   */
  public static PrfScore of(double precision, double recall) {
    return new PrfScore(precision, recall, fmeasure(precision, recall));
  }

  /**
   * The F1 measure with rouge-score's convention: {@code 2PR/(P+R)} when {@code P+R > 0}, else 0.
   *
   * @param precision the precision
   * @param recall the recall
   * @return the harmonic mean, or 0 when both are zero
   */
  public static double fmeasure(double precision, double recall) {
    if (precision + recall > 0) {
      return 2 * precision * recall / (precision + recall);
    }
    return 0.0;
  }
}
