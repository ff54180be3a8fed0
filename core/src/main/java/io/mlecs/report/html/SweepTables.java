package io.mlecs.report.html;

import io.mlecs.report.analysis.MeanStd;
import io.mlecs.report.analysis.MetricDirection;
import io.mlecs.report.analysis.SeedSummary;
import io.mlecs.report.analysis.SweepIndex;
import io.mlecs.report.data.SweepData;
import io.mlecs.report.xml.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The tables of a sweep report. */
final class SweepTables {

  private static final List<String> STATS = List.of("Avg", "Best", "Worst", "Server");

  private SweepTables() {}

  /** What the sweep holds. */
  static HtmlTable overview(SweepData data, SweepIndex index, int n, String mer) {
    HtmlTable t = new HtmlTable("tab-sweep", "Sweep contents").header("Item", "Value");
    t.row("methods", String.join(", ", index.methods()));
    t.row("MER values", String.join(", ", index.mers()));
    t.row("device counts N", index.numDevices().toString().replaceAll("[\\[\\]]", ""));
    t.row("result rows", Integer.toString(data.results().size()));
    t.row("main metric", index.mainMetric() + " (test split, "
        + (MetricDirection.of(index.mainMetric()) == MetricDirection.LOWER_IS_BETTER ? "lower" : "higher")
        + " is better)");
    t.row("Table 1 at N", Integer.toString(n));
    t.row("Table 2 at MER", mer);
    return t;
  }

  /** Table 1: methods x MER at one N. */
  static HtmlTable byMer(SweepIndex index, int n) {
    return grid("tab-1", "Table 1: " + index.mainMetric() + " at the last round, methods \u00d7 MER (N = " + n
        + "); client Avg / Best / Worst and server, mean \u00b1 std over seeds",
        index, index.mers(), mer -> "MER = " + mer, mer -> m -> index.lastRound(m, mer, n));
  }

  /** Table 2: methods x N at one MER. */
  static HtmlTable byN(SweepIndex index, String mer) {
    List<String> ns = index.numDevices().stream().map(String::valueOf).toList();
    return grid("tab-2", "Table 2: " + index.mainMetric() + " at the last round, methods \u00d7 N (MER = " + mer
        + "); client Avg / Best / Worst and server, mean \u00b1 std over seeds",
        index, ns, n -> "N = " + n, n -> m -> index.lastRound(m, mer, Integer.parseInt(n)));
  }

  private static HtmlTable grid(String id, String caption, SweepIndex index, List<String> groups,
      Function<String, String> groupLabel, Function<String, Function<String, SeedSummary>> cells) {
    HtmlTable t = new HtmlTable(id, caption);
    List<Cell> top = new ArrayList<>(List.of(Cell.tall("Method", 2)));
    List<Cell> second = new ArrayList<>();
    for (String g : groups) {
      top.add(Cell.span(groupLabel.apply(g), STATS.size()));
      STATS.forEach(s -> second.add(Cell.text(s)));
    }
    t.headerCells(top).headerCells(second);
    MetricDirection direction = MetricDirection.of(index.mainMetric());
    int columns = groups.size() * STATS.size();
    double[][] means = new double[index.methods().size()][columns];
    List<List<Cell>> rows = new ArrayList<>();
    for (int r = 0; r < index.methods().size(); r++) {
      String method = index.methods().get(r);
      List<Cell> row = new ArrayList<>(List.of(Cell.text(method)));
      int c = 0;
      for (String g : groups) {
        SeedSummary s = cells.apply(g).apply(method);
        for (MeanStd ms : List.of(s.avg(), s.best(), s.worst(), s.server())) {
          means[r][c++] = ms.mean();
          row.add(Cell.number(format(ms)));
        }
      }
      rows.add(row);
    }
    for (int c = 0; c < columns; c++) {
      int bestRow = -1;
      for (int r = 0; r < means.length; r++) {
        if (!Double.isNaN(means[r][c]) && (bestRow < 0 || direction.better(means[r][c], means[bestRow][c]))) {
          bestRow = r;
        }
      }
      if (bestRow >= 0 && means.length > 1) {
        rows.get(bestRow).set(c + 1, rows.get(bestRow).get(c + 1).strong(true));
      }
    }
    rows.forEach(t::row);
    return t;
  }

  static String format(MeanStd ms) {
    if (ms.n() == 0) {
      return "\u2013";
    }
    return ms.n() == 1 ? Numbers.value(ms.mean()) : Numbers.value(ms.mean()) + " \u00b1 " + Numbers.value(ms.std());
  }
}
