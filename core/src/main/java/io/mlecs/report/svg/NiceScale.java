package io.mlecs.report.svg;

/**
 * An axis range rounded outwards to "nice" tick steps (1, 2 or 5 times a power of ten; Heckbert's
 * algorithm).
 *
 * @param min the lowest tick
 * @param max the highest tick
 * @param step the distance between ticks
 */
public record NiceScale(double min, double max, double step) {

  /**
   * Builds a scale covering a data range.
   *
   * @param lo the smallest data value (NaN or infinite values must be filtered out by the caller)
   * @param hi the largest data value
   * @param maxTicks the desired maximum number of ticks (at least 2)
   * @param integer whether ticks must be whole numbers (e.g. rounds)
   * @return the scale
   */
  public static NiceScale of(double lo, double hi, int maxTicks, boolean integer) {
    if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
      lo = 0;
      hi = 1;
    }
    if (lo > hi) {
      double t = lo;
      lo = hi;
      hi = t;
    }
    if (lo == hi) {
      double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
      lo -= pad;
      hi += pad;
    }
    double range = niceNumber(hi - lo, false);
    double step = niceNumber(range / Math.max(1, maxTicks - 1), true);
    if (integer) {
      step = Math.max(1, Math.round(step));
    }
    double min = Math.floor(lo / step) * step;
    double max = Math.ceil(hi / step) * step;
    return new NiceScale(min, max, step);
  }

  private static double niceNumber(double x, boolean round) {
    double exponent = Math.floor(Math.log10(x));
    double fraction = x / Math.pow(10, exponent);
    double nice;
    if (round) {
      nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
    } else {
      nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    }
    return nice * Math.pow(10, exponent);
  }

  /**
   * The tick values from min to max.
   *
   * @return the ticks
   */
  public double[] ticks() {
    int n = (int) Math.round((max - min) / step) + 1;
    double[] ticks = new double[n];
    for (int i = 0; i < n; i++) {
      ticks[i] = min + i * step;
    }
    return ticks;
  }
}
