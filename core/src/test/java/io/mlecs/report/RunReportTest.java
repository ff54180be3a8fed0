package io.mlecs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.report.data.RunData;
import io.mlecs.report.html.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class RunReportTest {

  @TempDir Path dir;

  @Test
  void runReportIsWellFormedAndHasEveryFigureAndTable() throws Exception {
    Path run = ReportFixtures.run(dir.resolve("run"), 3, 5);
    assertEquals(0, ReportCommand.run(new String[] {run.toString()}, System.out, System.err));
    String html = Files.readString(run.resolve("report.html"));
    XhtmlDocument doc = XhtmlDocument.parse(html);

    assertEquals(List.of("fig-test-loss", "fig-metric-rougelsum", "fig-metric-bertscore_f1", "fig-bytes",
        "fig-bytes-ratio"), doc.svgIds());
    assertEquals(List.of("tab-config", "tab-devices", "tab-bytes"), doc.tableIds());
    // 10 run facts + 5 config entries + 2 versions
    assertEquals(17, doc.bodyRows("tab-config").size());
    // 3 devices + the server
    assertEquals(4, doc.bodyRows("tab-devices").size());
    assertEquals(5, doc.bodyRows("tab-bytes").size());

    assertEquals(List.of("device 0", "device 1", "device 2", "mean over devices", "server"), doc.legend("fig-test-loss"));
    assertEquals(List.of("Best device", "Worst device", "Avg over devices", "Server"), doc.legend("fig-metric-rougelsum"));
    assertEquals(List.of("up count", "up lora", "down fused", "down lora"), doc.legend("fig-bytes"));
    for (String id : doc.svgIds()) {
      assertTrue(doc.count(id, "polyline") > 0, id + " draws lines");
      assertTrue(doc.count(id, "title") == 1, id + " has an accessible title");
    }
    assertFalse(html.contains("<script"), "no scripts");
    assertFalse(html.contains("http://") && html.replace("http://www.w3.org/", "").contains("http://"),
        "no external resources");
    assertTrue(html.contains("a&lt;b &amp; c"), "config text is escaped");
  }

  @Test
  void deviceTableShowsLastAndBestRounds() throws Exception {
    Path run = ReportFixtures.run(dir.resolve("run"), 3, 5);
    XhtmlDocument doc = XhtmlDocument.parse(RunReport.render(RunData.load(run)));
    // columns: device, rougeLsum(last), loss(last), bertscore_f1(last), rougeLsum(best), best round, last round
    Element device1 = doc.bodyRows("tab-devices").get(1);
    List<String> cells = XhtmlDocument.cells(device1);
    assertEquals("1", cells.get(0));
    assertEquals(String.format(java.util.Locale.ROOT, "%.4f", 0.1 + 0.04 * 5 + 0.01), cells.get(1));
    assertEquals("5", cells.get(5));
    assertEquals("5", cells.get(6));
    assertEquals("server", XhtmlDocument.cells(doc.bodyRows("tab-devices").get(3)).get(0));
    // ratio: (52000 + 8) / 4 / 2e6 = 0.65%
    List<String> round1 = XhtmlDocument.cells(doc.bodyRows("tab-bytes").get(0));
    assertEquals("0.65%", round1.get(round1.size() - 3));
  }

  @Test
  void manyDevicesAreDrawnAsABand() throws Exception {
    Path run = ReportFixtures.run(dir.resolve("big"), 250, 3);
    XhtmlDocument doc = XhtmlDocument.parse(RunReport.render(RunData.load(run)));
    assertEquals(1, doc.count("fig-test-loss", "polygon"));
    assertEquals(List.of("min-max over 250 devices", "mean over devices", "server"), doc.legend("fig-test-loss"));
    assertEquals(251, doc.bodyRows("tab-devices").size());
  }
}
