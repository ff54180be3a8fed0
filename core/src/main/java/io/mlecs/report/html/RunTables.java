package io.mlecs.report.html;

import io.mlecs.report.analysis.MainMetric;
import io.mlecs.report.analysis.MetricDirection;
import io.mlecs.report.analysis.RunIndex;
import io.mlecs.report.data.BytesPoint;
import io.mlecs.report.data.MetricPoint;
import io.mlecs.report.data.RoundTime;
import io.mlecs.report.data.RunData;
import io.mlecs.report.data.RunManifest;
import io.mlecs.report.xml.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The tables of a run report. */
final class RunTables {

  private RunTables() {}

  /** Run facts, then every config entry, then every version entry. */
  static HtmlTable config(RunData data, RunIndex index) {
    RunManifest m = data.manifest();
    HtmlTable t = new HtmlTable("tab-config", "Run configuration").header("Setting", "Value");
    t.row("run_id", m.runId());
    t.row("method", m.method());
    t.row("dataset", m.dataset());
    t.row(List.of(Cell.text("seed"), Cell.number(Long.toString(m.seed()))));
    t.row(List.of(Cell.text("rounds (manifest / with metrics)"),
        Cell.number(m.rounds() + " / " + index.rounds().size())));
    t.row(List.of(Cell.text("num_devices (manifest / with metrics)"),
        Cell.number(m.numDevices() + " / " + index.devices().size())));
    t.row(List.of(Cell.text("device_model_params"), Cell.number(String.format(java.util.Locale.ROOT, "%,d", m.deviceModelParams()))));
    t.row(List.of(Cell.text("device_lora_params"), Cell.number(String.format(java.util.Locale.ROOT, "%,d", m.deviceLoraParams())
        + " (" + Numbers.percent(100.0 * m.deviceLoraParams() / m.deviceModelParams()) + " of the model)")));
    t.row("main metric", MainMetric.choose(index.metrics("test")));
    double total = data.rounds().stream().mapToDouble(RoundTime::seconds).sum();
    t.row(List.of(Cell.text("wall time (sum of rounds.csv)"), Cell.number(data.rounds().isEmpty() ? "\u2013"
        : Numbers.value(total) + " s, " + Numbers.value(total / data.rounds().size()) + " s per round")));
    m.config().forEach((k, v) -> t.row("config." + k, v));
    m.versions().forEach((k, v) -> t.row("versions." + k, v));
    return t;
  }

  /**
   * One row per device (then the server): every test metric at the device's last round, and the best
   * round of the main metric with its value.
   */
  static HtmlTable devices(RunIndex index) {
    List<String> metrics = index.metrics("test");
    String main = MainMetric.choose(metrics);
    MetricDirection direction = MetricDirection.of(main);
    HtmlTable t = new HtmlTable("tab-devices",
        "Per device: test metrics at the last round, and the best round of " + main);
    List<String> header = new ArrayList<>(List.of("Device"));
    metrics.forEach(name -> header.add(name + " (last)"));
    header.add(main + " (best)");
    header.add("best round");
    header.add("last round");
    t.header(header.toArray(new String[0]));
    List<Integer> rows = new ArrayList<>(index.devices());
    boolean server = metrics.stream().anyMatch(name -> index.values("test", name).values().stream()
        .anyMatch(byDevice -> byDevice.containsKey(MetricPoint.SERVER)));
    if (server) {
      rows.add(MetricPoint.SERVER);
    }
    for (int device : rows) {
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.text(device == MetricPoint.SERVER ? "server" : Integer.toString(device)));
      int lastRound = -1;
      for (String name : metrics) {
        Map.Entry<Integer, Double> last = last(index.values("test", name), device);
        cells.add(Cell.number(last == null ? "\u2013" : Numbers.value(last.getValue())));
        if (last != null) {
          lastRound = Math.max(lastRound, last.getKey());
        }
      }
      Map.Entry<Integer, Double> best = best(index.values("test", main), device, direction);
      cells.add(Cell.number(best == null ? "\u2013" : Numbers.value(best.getValue())));
      cells.add(Cell.number(best == null ? "\u2013" : Integer.toString(best.getKey())));
      cells.add(Cell.number(lastRound < 0 ? "\u2013" : Integer.toString(lastRound)));
      t.row(cells);
    }
    return t;
  }

  private static Map.Entry<Integer, Double> last(NavigableMap<Integer, Map<Integer, Double>> byRound, int device) {
    for (Map.Entry<Integer, Map<Integer, Double>> e : byRound.descendingMap().entrySet()) {
      Double v = e.getValue().get(device);
      if (v != null && !v.isNaN()) {
        return Map.entry(e.getKey(), v);
      }
    }
    return null;
  }

  private static Map.Entry<Integer, Double> best(
      NavigableMap<Integer, Map<Integer, Double>> byRound, int device, MetricDirection direction) {
    Map.Entry<Integer, Double> best = null;
    for (Map.Entry<Integer, Map<Integer, Double>> e : byRound.entrySet()) {
      Double v = e.getValue().get(device);
      if (v != null && !v.isNaN() && (best == null || direction.better(v, best.getValue()))) {
        best = Map.entry(e.getKey(), v);
      }
    }
    return best;
  }

  /** Per round: seconds, bytes per direction/payload, totals and the ratio to the device model. */
  static HtmlTable bytes(RunData data) {
    List<BytesPoint> bytes = data.bytes();
    long params = data.manifest().deviceModelParams();
    Map<String, Map<Integer, Long>> byKind = RunCharts.bytesByKind(bytes);
    Map<Integer, Double> seconds = new TreeMap<>();
    data.rounds().forEach(r -> seconds.put(r.round(), r.seconds()));
    SortedSet<Integer> rounds = new TreeSet<>(seconds.keySet());
    bytes.forEach(b -> rounds.add(b.round()));
    HtmlTable t = new HtmlTable("tab-bytes",
        "Communication per device and round (ratio = bytes/4 / device_model_params)");
    List<String> header = new ArrayList<>(List.of("Round", "seconds"));
    header.addAll(byKind.keySet());
    header.addAll(List.of("up total", "down total", "up %", "down %", "up+down %"));
    t.header(header.toArray(new String[0]));
    for (int round : rounds) {
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.number(Integer.toString(round)));
      Double s = seconds.get(round);
      cells.add(Cell.number(s == null ? "\u2013" : Numbers.value(s)));
      for (Map<Integer, Long> perRound : byKind.values()) {
        Long b = perRound.get(round);
        cells.add(Cell.number(b == null ? "\u2013" : Numbers.bytes(b)));
      }
      long up = RunCharts.sum(bytes, round, "up");
      long down = RunCharts.sum(bytes, round, "down");
      cells.add(Cell.number(Numbers.bytes(up)));
      cells.add(Cell.number(Numbers.bytes(down)));
      cells.add(Cell.number(Numbers.percent(RunCharts.percent(up, params))));
      cells.add(Cell.number(Numbers.percent(RunCharts.percent(down, params))));
      cells.add(Cell.number(Numbers.percent(RunCharts.percent(up + down, params))));
      t.row(cells);
    }
    return t;
  }
}
