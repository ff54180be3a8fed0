package io.mlecs.report.analysis;

import java.util.Collection;

/**
 * Mean and sample standard deviation (n - 1 in the denominator; 0 for a single value).
 *
 * @param mean the mean
 * @param std the sample standard deviation
 * @param n the number of finite values
 */
public record MeanStd(double mean, double std, int n) {

  /**
   * Computes mean and standard deviation, ignoring NaN.
   *
   * @param values the values (e.g. one per seed)
   * @return the statistics; mean NaN when there is no value
   */
  public static MeanStd of(Collection<Double> values) {
    double sum = 0;
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    if (n == 0) {
      return new MeanStd(Double.NaN, Double.NaN, 0);
    }
    double mean = sum / n;
    double squares = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        squares += (v - mean) * (v - mean);
      }
    }
    return new MeanStd(mean, n > 1 ? Math.sqrt(squares / (n - 1)) : 0.0, n);
  }
}
