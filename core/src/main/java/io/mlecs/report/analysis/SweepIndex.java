package io.mlecs.report.analysis;

import io.mlecs.report.data.MetricPoint;
import io.mlecs.report.data.SweepPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The test-split values of the main metric of a sweep, indexed by (method, MER, N, seed), with the
 * last-round summaries that Tables 1 and 2 show. Methods keep the order of their first appearance in
 * {@code results.csv}; MERs are sorted numerically, device counts ascending.
 */
public final class SweepIndex {

  private final String mainMetric;
  private final List<String> methods;
  private final List<String> mers;
  private final List<Integer> numDevices;
  /** method|mer|N|seed -> round -> device -> value. */
  private final Map<String, TreeMap<Integer, Map<Integer, Double>>> runs = new HashMap<>();
  /** method|mer|N -> seeds. */
  private final Map<String, Set<Long>> seeds = new HashMap<>();

  /**
   * Indexes sweep rows.
   *
   * @param results the rows of results.csv
   */
  public SweepIndex(List<SweepPoint> results) {
    Set<String> metricNames = new TreeSet<>();
    Set<String> methodOrder = new LinkedHashSet<>();
    Set<String> merSet = new TreeSet<>(Comparator.comparingDouble(Double::parseDouble).thenComparing(s -> s));
    Set<Integer> nSet = new TreeSet<>();
    for (SweepPoint p : results) {
      methodOrder.add(p.method());
      merSet.add(p.mer());
      nSet.add(p.numDevices());
      if (p.split().equals("test")) {
        metricNames.add(p.metric());
      }
    }
    this.mainMetric = MainMetric.choose(metricNames);
    this.methods = List.copyOf(methodOrder);
    this.mers = List.copyOf(merSet);
    this.numDevices = List.copyOf(nSet);
    for (SweepPoint p : results) {
      if (p.split().equals("test") && p.metric().equals(mainMetric)) {
        String cell = cellKey(p.method(), p.mer(), p.numDevices());
        runs.computeIfAbsent(cell + "|" + p.seed(), k -> new TreeMap<>())
            .computeIfAbsent(p.round(), r -> new HashMap<>()).put(p.device(), p.value());
        seeds.computeIfAbsent(cell, k -> new TreeSet<>()).add(p.seed());
      }
    }
  }

  private static String cellKey(String method, String mer, int n) {
    return method + "|" + mer + "|" + n;
  }

  /**
   * The main metric.
   *
   * @return rougeLsum, f1_macro or loss
   */
  public String mainMetric() {
    return mainMetric;
  }

  /**
   * The methods in order of first appearance.
   *
   * @return the method names
   */
  public List<String> methods() {
    return methods;
  }

  /**
   * The MER values, ascending.
   *
   * @return the MERs as written in the file
   */
  public List<String> mers() {
    return mers;
  }

  /**
   * The device counts, ascending.
   *
   * @return the Ns
   */
  public List<Integer> numDevices() {
    return numDevices;
  }

  /**
   * The MER with data at the most device counts (ties: the largest MER); Table 2's default.
   *
   * @return the MER
   */
  public String merWithMostDeviceCounts() {
    String bestMer = mers.get(mers.size() - 1);
    int bestCount = -1;
    for (String mer : mers) {
      int count = 0;
      for (int n : numDevices) {
        boolean any = false;
        for (String method : methods) {
          any |= seeds.containsKey(cellKey(method, mer, n));
        }
        count += any ? 1 : 0;
      }
      if (count >= bestCount) {
        bestCount = count;
        bestMer = mer;
      }
    }
    return bestMer;
  }

  /**
   * Last-round client Avg/Best/Worst and server of one cell, as mean ± std over seeds. The last round
   * is the largest round with a main-metric row, per seed.
   *
   * @param method the method
   * @param mer the MER
   * @param n the device count
   * @return the summary (n = 0 statistics when the cell has no data)
   */
  public SeedSummary lastRound(String method, String mer, int n) {
    MetricDirection direction = MetricDirection.of(mainMetric);
    List<Double> avg = new ArrayList<>();
    List<Double> best = new ArrayList<>();
    List<Double> worst = new ArrayList<>();
    List<Double> server = new ArrayList<>();
    String cell = cellKey(method, mer, n);
    for (long seed : seeds.getOrDefault(cell, Set.of())) {
      TreeMap<Integer, Map<Integer, Double>> byRound = runs.get(cell + "|" + seed);
      Map<Integer, Double> last = byRound.lastEntry().getValue();
      List<Double> deviceValues = new ArrayList<>();
      last.forEach((device, value) -> {
        if (device != MetricPoint.SERVER) {
          deviceValues.add(value);
        }
      });
      DeviceSummary s = DeviceSummary.of(deviceValues, direction);
      avg.add(s.avg());
      best.add(s.best());
      worst.add(s.worst());
      server.add(last.getOrDefault(MetricPoint.SERVER, Double.NaN));
    }
    return new SeedSummary(MeanStd.of(avg), MeanStd.of(best), MeanStd.of(worst), MeanStd.of(server), avg.size());
  }
}
