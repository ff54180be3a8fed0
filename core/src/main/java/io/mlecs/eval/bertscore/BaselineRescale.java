package io.mlecs.eval.bertscore;

import io.mlecs.eval.PrfScore;

/**
 * bert_score's baseline rescaling {@code x' = (x - b) / (1 - b)}, applied to P, R and F separately
 * with the baseline row of the model/layer in use.
 *
 * @param precision the precision baseline b_P
 * @param recall the recall baseline b_R
 * @param fmeasure the F baseline b_F
 */
public record BaselineRescale(double precision, double recall, double fmeasure) {

  /**
   * Validates the baselines.
   *
   * @throws IllegalArgumentException when a baseline is not finite or equals 1
   */
  public BaselineRescale {
    check("precision", precision);
    check("recall", recall);
    check("fmeasure", fmeasure);
  }

  private static void check(String name, double b) {
    if (!Double.isFinite(b) || b == 1.0) {
      throw new IllegalArgumentException("baseline " + name + ": must be finite and not 1, got " + b);
    }
  }

  /**
   * Rescales one score.
   *
   * @param score the raw score
   * @return the rescaled score
   */
  public PrfScore apply(PrfScore score) {
    return new PrfScore(
        rescale(score.precision(), precision),
        rescale(score.recall(), recall),
        rescale(score.fmeasure(), fmeasure));
  }

  private static double rescale(double x, double b) {
    return (x - b) / (1 - b);
  }
}
