package io.mlecs.report.analysis;

import java.util.Collection;

/**
 * Avg / Best / Worst of one metric over devices.
 *
 * @param avg the mean over devices
 * @param best the best device value (max, or min for losses)
 * @param worst the worst device value
 * @param count the number of devices with a finite value
 */
public record DeviceSummary(double avg, double best, double worst, int count) {

  /** The summary of no devices (all NaN). */
  public static final DeviceSummary EMPTY = new DeviceSummary(Double.NaN, Double.NaN, Double.NaN, 0);

  /**
   * Summarises device values; NaN values are ignored.
   *
   * @param values one value per device
   * @param direction which way is better
   * @return the summary, or {@link #EMPTY}
   */
  public static DeviceSummary of(Collection<Double> values, MetricDirection direction) {
    double sum = 0;
    int n = 0;
    double best = Double.NaN;
    double worst = Double.NaN;
    for (double v : values) {
      if (Double.isNaN(v)) {
        continue;
      }
      sum += v;
      n++;
      if (Double.isNaN(best) || direction.better(v, best)) {
        best = v;
      }
      if (Double.isNaN(worst) || direction.better(worst, v)) {
        worst = v;
      }
    }
    return n == 0 ? EMPTY : new DeviceSummary(sum / n, best, worst, n);
  }
}
