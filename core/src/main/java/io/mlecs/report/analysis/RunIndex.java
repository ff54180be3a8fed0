package io.mlecs.report.analysis;

import io.mlecs.report.data.MetricPoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Metric rows of a run indexed as split/metric to round to device to value. When a row repeats
 * (e.g. a resumed run appended a round again) the later row wins. Immutable after construction.
 */
public final class RunIndex {

  private final Map<String, NavigableMap<Integer, Map<Integer, Double>>> table = new TreeMap<>();
  private final SortedSet<Integer> devices = new TreeSet<>();
  private final SortedSet<Integer> rounds = new TreeSet<>();

  /**
   * Indexes rows.
   *
   * @param points the metric rows
   */
  public RunIndex(List<MetricPoint> points) {
    for (MetricPoint p : points) {
      table.computeIfAbsent(key(p.split(), p.metric()), k -> new TreeMap<>())
          .computeIfAbsent(p.round(), r -> new TreeMap<>())
          .put(p.device(), p.value());
      rounds.add(p.round());
      if (!p.isServer()) {
        devices.add(p.device());
      }
    }
  }

  private static String key(String split, String metric) {
    return split + "\u0000" + metric;
  }

  /**
   * Every round that has a row.
   *
   * @return the sorted rounds
   */
  public SortedSet<Integer> rounds() {
    return Collections.unmodifiableSortedSet(rounds);
  }

  /**
   * Every (non-server) device that has a row.
   *
   * @return the sorted device ids
   */
  public SortedSet<Integer> devices() {
    return Collections.unmodifiableSortedSet(devices);
  }

  /**
   * The metric names of a split: the main metric first, then {@code loss}, then the rest sorted.
   *
   * @param split {@code train} or {@code test}
   * @return the names
   */
  public List<String> metrics(String split) {
    List<String> names = new ArrayList<>();
    for (String k : table.keySet()) {
      if (k.startsWith(split + "\u0000")) {
        names.add(k.substring(split.length() + 1));
      }
    }
    String main = MainMetric.choose(names);
    names.sort((a, b) -> {
      int ra = a.equals(main) ? 0 : a.equals("loss") ? 1 : 2;
      int rb = b.equals(main) ? 0 : b.equals("loss") ? 1 : 2;
      return ra != rb ? Integer.compare(ra, rb) : a.compareTo(b);
    });
    return names;
  }

  /**
   * Values of one split/metric.
   *
   * @param split the split
   * @param metric the metric
   * @return round to device (server = {@link MetricPoint#SERVER}) to value; empty when absent
   */
  public NavigableMap<Integer, Map<Integer, Double>> values(String split, String metric) {
    NavigableMap<Integer, Map<Integer, Double>> v = table.get(key(split, metric));
    return v == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(v);
  }

  /**
   * The device values (server excluded) of one round.
   *
   * @param split the split
   * @param metric the metric
   * @param round the round
   * @return the values, possibly empty
   */
  public List<Double> deviceValues(String split, String metric, int round) {
    Map<Integer, Double> byDevice = values(split, metric).get(round);
    List<Double> out = new ArrayList<>();
    if (byDevice != null) {
      byDevice.forEach((device, value) -> {
        if (device != MetricPoint.SERVER) {
          out.add(value);
        }
      });
    }
    return out;
  }

  /**
   * The server value of one round.
   *
   * @param split the split
   * @param metric the metric
   * @param round the round
   * @return the value, or NaN when the server has none
   */
  public double serverValue(String split, String metric, int round) {
    Map<Integer, Double> byDevice = values(split, metric).get(round);
    Double v = byDevice == null ? null : byDevice.get(MetricPoint.SERVER);
    return v == null ? Double.NaN : v;
  }
}
