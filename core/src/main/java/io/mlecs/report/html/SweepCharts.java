package io.mlecs.report.html;

import io.mlecs.report.analysis.MeanStd;
import io.mlecs.report.analysis.SeedSummary;
import io.mlecs.report.analysis.SweepIndex;
import io.mlecs.report.data.SweepBytes;
import io.mlecs.report.data.SweepData;
import io.mlecs.report.svg.BarChart;
import io.mlecs.report.svg.LineChart;
import io.mlecs.report.svg.Palette;
import io.mlecs.report.svg.Series;
import io.mlecs.report.xml.Numbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The SVG figures of a sweep report. */
final class SweepCharts {

  private SweepCharts() {}

  /**
   * Per method: mean over MERs and seeds (at N) of the bytes one device sends plus receives per round.
   *
   * @return method to round to bytes, methods in sweep order
   */
  static Map<String, SortedMap<Integer, Double>> bytesPerRound(SweepData data, SweepIndex index, int n) {
    Map<String, Map<String, Map<Integer, Long>>> perRun = new HashMap<>();
    for (SweepBytes b : data.bytes()) {
      if (b.numDevices() == n) {
        perRun.computeIfAbsent(b.method(), k -> new HashMap<>())
            .computeIfAbsent(b.mer() + "|" + b.seed(), k -> new TreeMap<>())
            .merge(b.round(), b.bytes(), Long::sum);
      }
    }
    Map<String, SortedMap<Integer, Double>> out = new LinkedHashMap<>();
    List<String> order = new ArrayList<>(index.methods());
    perRun.keySet().stream().filter(m -> !order.contains(m)).sorted().forEach(order::add);
    for (String method : order) {
      Map<String, Map<Integer, Long>> runs = perRun.get(method);
      if (runs == null) {
        continue;
      }
      Map<Integer, List<Double>> byRound = new TreeMap<>();
      runs.values().forEach(r -> r.forEach((round, bytes) ->
          byRound.computeIfAbsent(round, k -> new ArrayList<>()).add(bytes.doubleValue())));
      SortedMap<Integer, Double> mean = new TreeMap<>();
      byRound.forEach((round, values) -> mean.put(round, MeanStd.of(values).mean()));
      out.put(method, mean);
    }
    return out;
  }

  /** Whether every method with byte counts has a device parameter count at N. */
  static boolean percentAvailable(SweepData data, Map<String, SortedMap<Integer, Double>> perMethod, int n) {
    return !perMethod.isEmpty() && perMethod.keySet().stream().allMatch(m -> data.deviceParams(m, n) != null);
  }

  static String communication(SweepData data, SweepIndex index, int n) {
    Map<String, SortedMap<Integer, Double>> perMethod = bytesPerRound(data, index, n);
    boolean percent = percentAvailable(data, perMethod, n);
    LineChart chart = new LineChart("fig-communication", percent
        ? "Communication per round as % of device parameters (N = " + n + ")"
        : "Communication per round in bytes (N = " + n + "; device_params.csv missing)",
        "round", percent ? "% of device params (up + down)" : "bytes per device (up + down)");
    if (percent) {
      chart.yUnit("%");
    } else {
      chart.yFormat(Numbers::si);
    }
    int c = 0;
    for (Map.Entry<String, SortedMap<Integer, Double>> e : perMethod.entrySet()) {
      double[] x = e.getValue().keySet().stream().mapToDouble(Integer::doubleValue).toArray();
      double[] y = e.getValue().values().stream().mapToDouble(Double::doubleValue).toArray();
      if (percent) {
        long params = data.deviceParams(e.getKey(), n);
        for (int i = 0; i < y.length; i++) {
          y[i] = y[i] / 4.0 / params * 100.0;
        }
      }
      chart.add(Series.solid(e.getKey(), x, y, Palette.color(c++)));
    }
    return chart.toSvg();
  }

  /** Bar chart of the main metric (client Avg, last round) for the ml-ecs* variants, grouped by MER. */
  static String ablation(SweepIndex index, int n) {
    List<String> variants = index.methods().stream()
        .filter(m -> m.toLowerCase(Locale.ROOT).startsWith("ml-ecs")).toList();
    List<String> categories = index.mers().stream().map(m -> "MER " + m).toList();
    BarChart chart = new BarChart("fig-ablation", "Ablation: " + index.mainMetric()
        + " of the ML-ECS variants (client Avg, last round, N = " + n + ")", "modality existing rate",
        index.mainMetric(), categories);
    chart.emptyMessage("no method whose name starts with ml-ecs");
    for (String method : variants) {
      double[] values = new double[categories.size()];
      double[] errors = new double[categories.size()];
      for (int i = 0; i < index.mers().size(); i++) {
        SeedSummary s = index.lastRound(method, index.mers().get(i), n);
        values[i] = s.avg().mean();
        errors[i] = s.avg().std();
      }
      chart.add(method, values, errors);
    }
    return chart.toSvg();
  }

  /** Per method at N: rounds with byte counts, mean bytes per round and the ratio to the device model. */
  static HtmlTable communicationTable(SweepData data, SweepIndex index, int n) {
    Map<String, SortedMap<Integer, Double>> perMethod = bytesPerRound(data, index, n);
    HtmlTable t = new HtmlTable("tab-communication", "Communication per method (N = " + n
        + "; mean over MERs, seeds and rounds; ratio = bytes/4 / device_model_params)")
        .header("Method", "rounds", "bytes per round (up + down)", "device_model_params", "% of device params");
    for (Map.Entry<String, SortedMap<Integer, Double>> e : perMethod.entrySet()) {
      double mean = MeanStd.of(new ArrayList<>(e.getValue().values())).mean();
      Long params = data.deviceParams(e.getKey(), n);
      t.row(List.of(Cell.text(e.getKey()), Cell.number(Integer.toString(e.getValue().size())),
          Cell.number(Numbers.bytes(mean)),
          Cell.number(params == null ? "\u2013" : String.format(Locale.ROOT, "%,d", params)),
          Cell.number(params == null ? "\u2013" : Numbers.percent(mean / 4.0 / params * 100.0))));
    }
    return t;
  }
}
