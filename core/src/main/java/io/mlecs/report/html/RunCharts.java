package io.mlecs.report.html;

import io.mlecs.report.analysis.DeviceSummary;
import io.mlecs.report.analysis.MetricDirection;
import io.mlecs.report.analysis.RunIndex;
import io.mlecs.report.data.BytesPoint;
import io.mlecs.report.svg.Band;
import io.mlecs.report.svg.LineChart;
import io.mlecs.report.svg.Palette;
import io.mlecs.report.svg.Series;
import io.mlecs.report.xml.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The SVG figures of a run report. */
final class RunCharts {

  /** Up to this many devices get their own coloured, labelled line. */
  static final int LABELLED_DEVICES = 10;
  /** Up to this many devices are drawn as thin grey lines; beyond, a min-max band. */
  static final int DRAWN_DEVICES = 200;

  private RunCharts() {}

  private static double[] rounds(SortedSet<Integer> rounds) {
    return rounds.stream().mapToDouble(Integer::doubleValue).toArray();
  }

  /** Test loss per device plus the device mean (and the server when it reports a test loss). */
  static String testLoss(RunIndex index) {
    SortedSet<Integer> rounds = new TreeSet<>(index.values("test", "loss").keySet());
    double[] x = rounds(rounds);
    LineChart chart = new LineChart("fig-test-loss", "Test loss per device", "round", "test loss");
    List<Integer> devices = new ArrayList<>(index.devices());
    double[] mean = new double[x.length];
    double[] lo = new double[x.length];
    double[] hi = new double[x.length];
    int r = 0;
    for (int round : rounds) {
      DeviceSummary s = DeviceSummary.of(index.deviceValues("test", "loss", round), MetricDirection.HIGHER_IS_BETTER);
      mean[r] = s.avg();
      lo[r] = s.worst();
      hi[r] = s.best();
      r++;
    }
    if (devices.size() > DRAWN_DEVICES) {
      chart.add(new Band("min-max over " + devices.size() + " devices", x, lo, hi, Palette.AVG));
    } else {
      for (int d = 0; d < devices.size(); d++) {
        int device = devices.get(d);
        double[] y = new double[x.length];
        int i = 0;
        for (int round : rounds) {
          Map<Integer, Double> byDevice = index.values("test", "loss").get(round);
          Double v = byDevice.get(device);
          y[i++] = v == null ? Double.NaN : v;
        }
        boolean labelled = devices.size() <= LABELLED_DEVICES;
        String name = labelled ? "device " + device : "each device (" + devices.size() + ")";
        chart.add(new Series(name, x, y, labelled ? Palette.color(d + 1) : Palette.MUTED, labelled ? 1.5 : 0.8,
            false, labelled || d == 0));
      }
    }
    chart.add(new Series("mean over devices", x, mean, Palette.SERVER, 3, false, true));
    double[] server = serverLine(index, "loss", rounds);
    if (hasFinite(server)) {
      chart.add(new Series("server", x, server, Palette.SERVER, 2, true, true));
    }
    return chart.toSvg();
  }

  /** Avg / Best / Worst over devices of one test metric, plus the server line. */
  static String metric(RunIndex index, String metric) {
    SortedSet<Integer> rounds = new TreeSet<>(index.values("test", metric).keySet());
    double[] x = rounds(rounds);
    double[] avg = new double[x.length];
    double[] best = new double[x.length];
    double[] worst = new double[x.length];
    MetricDirection direction = MetricDirection.of(metric);
    int i = 0;
    for (int round : rounds) {
      DeviceSummary s = DeviceSummary.of(index.deviceValues("test", metric, round), direction);
      avg[i] = s.avg();
      best[i] = s.best();
      worst[i] = s.worst();
      i++;
    }
    LineChart chart = new LineChart(Ids.of("fig-metric-", metric), "Test " + metric + ": devices and server",
        "round", metric);
    chart.add(new Series("Best device", x, best, Palette.BEST, 2, true, true));
    chart.add(new Series("Worst device", x, worst, Palette.WORST, 2, true, true));
    chart.add(new Series("Avg over devices", x, avg, Palette.AVG, 3, false, true));
    double[] server = serverLine(index, metric, rounds);
    if (hasFinite(server)) {
      chart.add(Series.solid("Server", x, server, Palette.SERVER));
    }
    return chart.toSvg();
  }

  /** Bytes per round, one line per direction and payload. */
  static String bytes(List<BytesPoint> bytes) {
    Map<String, Map<Integer, Long>> byKind = bytesByKind(bytes);
    SortedSet<Integer> rounds = new TreeSet<>();
    bytes.forEach(b -> rounds.add(b.round()));
    double[] x = rounds(rounds);
    LineChart chart = new LineChart("fig-bytes", "Bytes per device and round, by direction and payload", "round",
        "bytes").yFormat(Numbers::si);
    int c = 0;
    for (Map.Entry<String, Map<Integer, Long>> e : byKind.entrySet()) {
      double[] y = new double[x.length];
      int i = 0;
      for (int round : rounds) {
        Long v = e.getValue().get(round);
        y[i++] = v == null ? Double.NaN : v;
      }
      chart.add(new Series(e.getKey(), x, y, Palette.color(c++), 2, e.getKey().startsWith("down"), true));
    }
    return chart.toSvg();
  }

  /** Transmitted floats (bytes / 4) as a percentage of the device model's parameters. */
  static String bytesRatio(List<BytesPoint> bytes, long deviceModelParams) {
    SortedSet<Integer> rounds = new TreeSet<>();
    bytes.forEach(b -> rounds.add(b.round()));
    double[] x = rounds(rounds);
    double[] up = new double[x.length];
    double[] down = new double[x.length];
    double[] total = new double[x.length];
    int i = 0;
    for (int round : rounds) {
      up[i] = percent(sum(bytes, round, "up"), deviceModelParams);
      down[i] = percent(sum(bytes, round, "down"), deviceModelParams);
      total[i] = up[i] + down[i];
      i++;
    }
    LineChart chart = new LineChart("fig-bytes-ratio",
        "Communication as % of the device model's parameters (bytes/4 / params)", "round", "% of device params")
        .yUnit("%");
    chart.add(Series.solid("up", x, up, Palette.color(0)));
    chart.add(new Series("down", x, down, Palette.color(1), 2, true, true));
    chart.add(new Series("up + down", x, total, Palette.SERVER, 2.5, false, true));
    return chart.toSvg();
  }

  static Map<String, Map<Integer, Long>> bytesByKind(List<BytesPoint> bytes) {
    Map<String, Map<Integer, Long>> byKind = new TreeMap<>((a, b) -> {
      boolean au = a.startsWith("up");
      boolean bu = b.startsWith("up");
      return au != bu ? (au ? -1 : 1) : a.compareTo(b);
    });
    for (BytesPoint b : bytes) {
      byKind.computeIfAbsent(b.direction() + " " + b.payload(), k -> new TreeMap<>()).merge(b.round(), b.bytes(), Long::sum);
    }
    return byKind;
  }

  static long sum(List<BytesPoint> bytes, int round, String direction) {
    long s = 0;
    for (BytesPoint b : bytes) {
      if (b.round() == round && b.direction().equals(direction)) {
        s += b.bytes();
      }
    }
    return s;
  }

  static double percent(double bytes, long params) {
    return bytes / 4.0 / params * 100.0;
  }

  private static double[] serverLine(RunIndex index, String metric, SortedSet<Integer> rounds) {
    double[] y = new double[rounds.size()];
    int i = 0;
    for (int round : rounds) {
      y[i++] = index.serverValue("test", metric, round);
    }
    return y;
  }

  private static boolean hasFinite(double[] values) {
    for (double v : values) {
      if (Double.isFinite(v)) {
        return true;
      }
    }
    return false;
  }
}
