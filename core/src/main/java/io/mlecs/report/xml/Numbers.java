package io.mlecs.report.xml;

import java.util.Locale;

/** Locale-independent number formats for tables, tick labels and SVG coordinates. */
public final class Numbers {

  private Numbers() {}

  /**
   * An SVG coordinate with two decimals.
   *
   * @param v the coordinate
   * @return e.g. {@code 12.5}
   */
  public static String coord(double v) {
    String s = String.format(Locale.ROOT, "%.2f", v);
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "");
      if (s.endsWith(".")) {
        s = s.substring(0, s.length() - 1);
      }
    }
    return s.equals("-0") ? "0" : s;
  }

  /**
   * A value with four significant decimals for tables ({@code NaN} becomes an en dash).
   *
   * @param v the value
   * @return e.g. {@code 0.4123}, {@code 12.35}, {@code 1,234}
   */
  public static String value(double v) {
    if (Double.isNaN(v)) {
      return "\u2013";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "\u221e" : "-\u221e";
    }
    double a = Math.abs(v);
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    if (a >= 0.001 || a == 0) {
      return String.format(Locale.ROOT, "%.4f", v);
    }
    return String.format(Locale.ROOT, "%.3e", v);
  }

  /**
   * A tick label whose decimals follow the tick step.
   *
   * @param v the tick value
   * @param step the distance between ticks
   * @return e.g. {@code 0.25} for step 0.05
   */
  public static String tick(double v, double step) {
    if (Math.abs(v) >= 1e4 || (Math.abs(v) > 0 && Math.abs(v) < 1e-4)) {
      return si(v);
    }
    int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
    return String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", Math.abs(v) < step * 1e-9 ? 0.0 : v);
  }

  /**
   * A compact value with an SI suffix (k, M, G, T), e.g. for byte counts.
   *
   * @param v the value
   * @return e.g. {@code 1.5M}
   */
  public static String si(double v) {
    double a = Math.abs(v);
    String[] suffix = {"", "k", "M", "G", "T", "P"};
    int i = 0;
    while (a >= 1000 && i < suffix.length - 1) {
      a /= 1000;
      i++;
    }
    if (i == 0 && a != 0 && a < 1e-3) {
      return String.format(Locale.ROOT, "%.2e", v);
    }
    String num = a >= 100 ? String.format(Locale.ROOT, "%.0f", a) : a >= 10
        ? String.format(Locale.ROOT, "%.1f", a) : String.format(Locale.ROOT, "%.2f", a);
    num = num.contains(".") ? num.replaceAll("0+$", "").replaceAll("\\.$", "") : num;
    return (v < 0 ? "-" : "") + num + suffix[i];
  }

  /**
   * A byte count with binary-free SI units, e.g. {@code 1.2 MB}.
   *
   * @param bytes the byte count
   * @return the formatted size
   */
  public static String bytes(double bytes) {
    String compact = si(bytes);
    char last = compact.charAt(compact.length() - 1);
    return Character.isLetter(last)
        ? compact.substring(0, compact.length() - 1) + " " + last + "B"
        : compact + " B";
  }

  /**
   * A percentage with precision adapted to its size.
   *
   * @param percent the value in percent
   * @return e.g. {@code 0.65%}
   */
  public static String percent(double percent) {
    if (Double.isNaN(percent)) {
      return "\u2013";
    }
    double a = Math.abs(percent);
    String f = a >= 100 ? "%.0f%%" : a >= 10 ? "%.1f%%" : a >= 0.01 || a == 0 ? "%.2f%%" : "%.4f%%";
    return String.format(Locale.ROOT, f, percent);
  }
}
