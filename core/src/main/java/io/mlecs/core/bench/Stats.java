package io.mlecs.core.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Order statistics of timings (milliseconds or seconds, whatever the caller put in). */
final class Stats {
  private Stats() {}

  static double median(double[] xs) {
    return quantile(xs, 0.5);
  }

  /** Linear-interpolated quantile q in [0, 1]. */
  static double quantile(double[] xs, double q) {
    if (xs.length == 0) {
      return Double.NaN;
    }
    double[] s = xs.clone();
    Arrays.sort(s);
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return s[lo] + (s[hi] - s[lo]) * (pos - lo);
  }

  static double[] of(List<Double> xs) {
    double[] out = new double[xs.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = xs.get(i);
    }
    return out;
  }

  /** n, median, p10, p90, min, max, rounded to 3 decimals. */
  static Map<String, Object> summary(double[] xs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", xs.length);
    m.put("median", round(median(xs)));
    m.put("p10", round(quantile(xs, 0.1)));
    m.put("p90", round(quantile(xs, 0.9)));
    m.put("min", round(quantile(xs, 0.0)));
    m.put("max", round(quantile(xs, 1.0)));
    return m;
  }

  static double round(double x) {
    return round(x, 3);
  }

  static double round(double x, int decimals) {
    if (!Double.isFinite(x)) {
      return x;
    }
    double f = Math.pow(10, decimals);
    return Math.round(x * f) / f;
  }
}
