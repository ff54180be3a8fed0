package io.mlecs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.report.data.SweepData;
import io.mlecs.report.html.SweepReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class SweepReportTest {

  @TempDir Path dir;

  @Test
  void sweepReportIsWellFormedAndHasEveryFigureAndTable() throws Exception {
    Path sweep = ReportFixtures.sweep(dir.resolve("sweep"), ReportFixtures.METHODS);
    Path out = dir.resolve("out/sweep.html");
    assertEquals(0, ReportCommand.run(new String[] {sweep.toString(), "--out", out.toString()}, System.out, System.err));
    XhtmlDocument doc = XhtmlDocument.parse(Files.readString(out));
    assertEquals(List.of("fig-communication", "fig-ablation"), doc.svgIds());
    assertEquals(List.of("tab-sweep", "tab-1", "tab-2", "tab-communication"), doc.tableIds());
    assertEquals(7, doc.bodyRows("tab-sweep").size());
    assertEquals(5, doc.bodyRows("tab-1").size());
    assertEquals(5, doc.bodyRows("tab-2").size());
    assertEquals(5, doc.bodyRows("tab-communication").size());
    // Table 1: method + 2 MERs x (Avg, Best, Worst, Server)
    assertEquals(1 + 2 * 4, XhtmlDocument.cells(doc.bodyRows("tab-1").get(0)).size());
    assertEquals(ReportFixtures.METHODS, doc.legend("fig-communication"));
    assertEquals(List.of("ml-ecs", "ml-ecs-wo-mma", "ml-ecs-wo-se-ccl"), doc.legend("fig-ablation"));
    // 3 variants x 2 MER groups of bars, plus 3 legend swatches and the background
    assertEquals(3 * 2 + 3 + 1, doc.count("fig-ablation", "rect"));
  }

  @Test
  void tableOneShowsMeanAndStdOverSeedsAtTheLastRound() throws Exception {
    Path sweep = ReportFixtures.sweep(dir.resolve("sweep"), ReportFixtures.METHODS);
    XhtmlDocument doc = XhtmlDocument.parse(SweepReport.render(SweepData.load(sweep), null, null));
    int mi = 2;
    int n = 5;
    String mer = "0.5";
    double[] avg = new double[2];
    double[] server = new double[2];
    for (int s = 0; s < 2; s++) {
      int seed = ReportFixtures.SEEDS.get(s);
      double sum = 0;
      for (int d = 0; d < n; d++) {
        sum += ReportFixtures.sweepRouge(mi, mer, n, seed, ReportFixtures.SWEEP_ROUNDS, d);
      }
      avg[s] = sum / n;
      server[s] = ReportFixtures.sweepRouge(mi, mer, n, seed, ReportFixtures.SWEEP_ROUNDS, -1);
    }
    Element row = doc.bodyRows("tab-1").get(mi);
    List<String> cells = XhtmlDocument.cells(row);
    assertEquals("ml-ecs", cells.get(0));
    double std = Math.abs(avg[0] - avg[1]) / Math.sqrt(2);
    assertEquals(String.format(Locale.ROOT, "%.4f \u00b1 %.4f", (avg[0] + avg[1]) / 2, std), cells.get(1));
    assertEquals(String.format(Locale.ROOT, "%.4f \u00b1 %.4f", (server[0] + server[1]) / 2, std), cells.get(4));
    // the last method has the highest rougeLsum: bold in every column
    Element best = doc.bodyRows("tab-1").get(4);
    assertEquals(8, best.getElementsByTagNameNS(XhtmlDocument.XHTML, "strong").getLength());
    // standalone: (52,000 up + 52,000 down) / 4 / 2,000,000 = 1.3 %; multi-fedavg: 1.6 MB -> 20 %
    assertEquals("1.30%", XhtmlDocument.cells(doc.bodyRows("tab-communication").get(0)).get(4));
    assertEquals("20.0%", XhtmlDocument.cells(doc.bodyRows("tab-communication").get(1)).get(4));
  }

  @Test
  void ablationWithoutVariantsSaysSoAndUnknownNIsRejected() throws Exception {
    Path sweep = ReportFixtures.sweep(dir.resolve("sweep"), List.of("standalone", "multi-fedavg"));
    SweepData data = SweepData.load(sweep);
    String html = SweepReport.render(data, 3, "0.8");
    XhtmlDocument doc = XhtmlDocument.parse(html);
    assertTrue(html.contains("no method whose name starts with ml-ecs"));
    assertEquals(2, doc.bodyRows("tab-1").size());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepReport.render(data, 7, null));
    assertTrue(e.getMessage().contains("N = 7"), e.getMessage());
  }
}
