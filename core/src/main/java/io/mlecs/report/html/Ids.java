package io.mlecs.report.html;

import java.util.Locale;

/** Element ids derived from metric or method names. */
final class Ids {

  private Ids() {}

  /**
   * A safe id: {@code prefix} plus the name with every character outside [a-z0-9_-] replaced by '-'.
   *
   * @param prefix e.g. {@code fig-metric-}
   * @param name e.g. {@code rougeLsum}
   * @return e.g. {@code fig-metric-rougelsum}
   */
  static String of(String prefix, String name) {
    return prefix + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
  }
}
