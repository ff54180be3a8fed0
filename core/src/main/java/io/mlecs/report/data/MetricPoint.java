package io.mlecs.report.data;

/**
 * One row of a run's {@code metrics/metrics.csv}.
 *
 * @param round the round, 1..T
 * @param device the device id, or {@link #SERVER}
 * @param split {@code train} or {@code test}
 * @param metric the metric name, e.g. {@code loss}, {@code rougeLsum}, {@code f1_macro}
 * @param value the value
 */
public record MetricPoint(int round, int device, String split, String metric, double value) {

  /** The device id standing for the word {@code server}. */
  public static final int SERVER = -1;

  /**
   * Whether this row belongs to the server.
   *
   * @return true for the server
   */
  public boolean isServer() {
    return device == SERVER;
  }
}
