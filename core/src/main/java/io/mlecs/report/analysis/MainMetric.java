package io.mlecs.report.analysis;

import java.util.Collection;

/** Picks the headline metric: {@code rougeLsum} if present, else {@code f1_macro}, else {@code loss}. */
public final class MainMetric {

  /** The preference order. */
  static final String[] PREFERENCE = {"rougeLsum", "f1_macro", "loss"};

  private MainMetric() {}

  /**
   * Chooses the main metric among the metric names present in the test split.
   *
   * @param present the metric names that occur
   * @return the main metric; {@code loss} when none of the preferred ones occurs
   */
  public static String choose(Collection<String> present) {
    for (String m : PREFERENCE) {
      if (present.contains(m)) {
        return m;
      }
    }
    return "loss";
  }
}
