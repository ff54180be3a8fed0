package io.mlecs.report.analysis;

import java.util.Locale;

/** Whether larger or smaller values of a metric are better. */
public enum MetricDirection {
  /** Scores such as ROUGE, F1 and BERTScore. */
  HIGHER_IS_BETTER,
  /** Losses (any metric whose name contains {@code loss}). */
  LOWER_IS_BETTER;

  /**
   * The direction of a metric, from its name.
   *
   * @param metric e.g. {@code rougeLsum} or {@code lm_loss}
   * @return LOWER_IS_BETTER for names containing "loss", else HIGHER_IS_BETTER
   */
  public static MetricDirection of(String metric) {
    return metric.toLowerCase(Locale.ROOT).contains("loss") ? LOWER_IS_BETTER : HIGHER_IS_BETTER;
  }

  /**
   * Whether {@code a} is better than {@code b}.
   *
   * @param a a value
   * @param b another value
   * @return true when a is strictly better
   */
  public boolean better(double a, double b) {
    return this == HIGHER_IS_BETTER ? a > b : a < b;
  }
}
