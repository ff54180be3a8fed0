package io.mlecs.jobs.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.jobs.train.TinyTrainConfigs;
import io.mlecs.jobs.train.TrainRun;
import io.mlecs.jobs.transport.FaultInjection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny sweeps on Spark local[2]: the tables and the report, skipping, resuming, prepared data. */
class SweepTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("sweep-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** A tiny but real sweep file (the model and training of TinyTrainConfigs). */
  static String tiny(Path dir, String grid, int rounds) {
    return "run { rounds = %d }\n".formatted(rounds) + TinyTrainConfigs.TINY_MODEL_AND_TRAINING
        + """
        spark { devices-per-task = 2 }
        sweep { dir = "%s", %s }
        """.formatted(dir.toString().replace("\\", "/"), grid);
  }

  static String run(SweepSettings s) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    assertEquals(0, SweepCommand.execute(s, spark, out, out));
    return buf.toString(StandardCharsets.UTF_8);
  }

  static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void gridProducesTablesAndReportAndARerunSkipsFinishedCells(@TempDir Path tmp)
      throws Exception {
    Path dir = tmp.resolve("sweep");
    String text = tiny(dir, "methods = [ml-ecs, multi-fedavg], mer = [0.5, 0.8], devices = [3], "
        + "seeds = [5]", 1);
    SweepSettings s = SweepSettings.parse(text, "grid.conf");
    assertEquals(4, s.cells().size());
    String first = run(s);
    assertEquals(4, count(first, ": starting in "), first);
    // Multi-FedAvg reuses ML-ECS's pretrained backbones at each MER (same data, seed, keys)
    assertEquals(2, count(first, "sweep: reused pretrained backbones"), first);

    List<String> results = Files.readAllLines(dir.resolve("results.csv"));
    assertEquals(ResultTables.RESULTS_HEADER, results.get(0));
    Set<String> cells = new TreeSet<>();
    for (String line : results.subList(1, results.size())) {
      String[] f = line.split(",");
      assertEquals(9, f.length, line);
      cells.add(f[0] + "," + f[1] + "," + f[2] + "," + f[3]);
    }
    assertEquals(Set.of("ml-ecs,0.5,3,5", "ml-ecs,0.8,3,5", "multi-fedavg,0.5,3,5",
        "multi-fedavg,0.8,3,5"), cells);
    assertTrue(results.stream().anyMatch(l -> l.startsWith("ml-ecs,0.5,3,5,1,server,test,"
        + "f1_macro,")), "server rows of ML-ECS");
    assertTrue(results.stream().anyMatch(l -> l.startsWith("multi-fedavg,0.8,3,5,1,0,test,"
        + "f1_macro,")), "device rows of Multi-FedAvg");
    List<String> bytes = Files.readAllLines(dir.resolve("bytes.csv"));
    assertEquals(ResultTables.BYTES_HEADER, bytes.get(0));
    assertTrue(bytes.stream().anyMatch(l -> l.startsWith("ml-ecs,0.5,3,5,1,up,lora,")), bytes
        .toString());
    // Multi-FedAvg sends and receives its encoders too (through the Spark broadcast); the report
    // reads those payloads
    assertTrue(bytes.stream().anyMatch(l -> l.startsWith("multi-fedavg,0.5,3,5,1,up,encoder,")),
        bytes.toString());
    assertTrue(bytes.stream().anyMatch(l -> l.startsWith("multi-fedavg,0.5,3,5,1,down,encoder,")),
        bytes.toString());
    List<String> params = Files.readAllLines(dir.resolve("device_params.csv"));
    assertEquals("method,num_devices,device_model_params", params.get(0));
    assertEquals(3, params.size(), params.toString());
    assertTrue(params.get(1).matches("ml-ecs,3,\\d+"), params.toString());
    assertEquals(5, Files.readAllLines(dir.resolve("cells.csv")).size());
    assertEquals(results.size() - 1,
        spark.read().parquet(dir.resolve("results.parquet").toString()).count());
    String html = Files.readString(dir.resolve("report.html"));
    assertTrue(html.contains("ml-ecs") && html.contains("multi-fedavg"), "report names methods");

    // the same command again: every cell is skipped, nothing is rewritten
    Path lora = dir.resolve("cells/ml-ecs/mer-0.5/n-3/seed-5/final/global-lora.tensors");
    FileTime before = Files.getLastModifiedTime(lora);
    String again = run(SweepSettings.parse(text, "grid.conf"));
    assertEquals(4, count(again, "finished earlier, skipped"), again);
    assertTrue(again.contains("0 started, 0 resumed, 4 skipped"), again);
    assertEquals(before, Files.getLastModifiedTime(lora));
    assertEquals(results, Files.readAllLines(dir.resolve("results.csv")));

    // a cell that pretrains itself ends exactly like the one that reused the backbones
    Path alone = tmp.resolve("alone");
    run(SweepSettings.parse(tiny(alone, "methods = [multi-fedavg], mer = [0.5], devices = [3], "
        + "seeds = [5], share-pretraining = false, report = false", 1), "alone.conf"));
    assertEquals(results.stream().filter(l -> l.startsWith("multi-fedavg,0.5,")).toList(),
        Files.readAllLines(alone.resolve("results.csv")).subList(1, Files.readAllLines(
            alone.resolve("results.csv")).size()));

    // changed training settings never mix with the finished cells
    IllegalArgumentException changed = assertThrows(IllegalArgumentException.class,
        () -> run(SweepSettings.parse(text + "\ntrain.learning-rate = 0.01", "changed.conf")));
    assertTrue(changed.getMessage().contains("changed.conf")
        && changed.getMessage().contains("train.learning-rate: was 0.002, now 0.01"),
        changed.getMessage());
  }

  @Test
  void aKilledSweepResumesItsStartedCell(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("sweep");
    // FedMLLM: its own prompt must survive the reload of the saved backbones on resume
    String text = tiny(dir, "methods = [fedmllm], mer = [0.7], devices = [3], seeds = [8]", 2);
    spark.sparkContext().conf().set(TrainRun.ABORT_AFTER_ROUND, "1");
    try {
      // on-cell-error = continue (the default): the failure is logged, the command ends with 1
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
      assertEquals(1, SweepCommand.execute(SweepSettings.parse(text, "k.conf"), spark, out, out));
      assertTrue(buf.toString(StandardCharsets.UTF_8).contains(": FAILED: IllegalStateException: "
          + "injected abort after round 1"), buf.toString(StandardCharsets.UTF_8));
      assertTrue(Files.readString(dir.resolve("failed-cells.csv")).contains("fedmllm,0.7,3,8,"));
      // on-cell-error = stop: the first failure ends the sweep
      Path other = tmp.resolve("stop");
      assertThrows(IllegalStateException.class, () -> run(SweepSettings.parse(tiny(other,
          "methods = [standalone], mer = [0.7], devices = [3], seeds = [8], on-cell-error = stop",
          1), "s.conf")));
    } finally {
      spark.sparkContext().conf().remove(TrainRun.ABORT_AFTER_ROUND);
    }
    // a failed Spark task (a checked SparkException on the driver) is a failed cell as well
    spark.sparkContext().conf().set(FaultInjection.CONF_KEY, "0:1");
    try {
      Path task = tmp.resolve("task");
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
      assertEquals(1, SweepCommand.execute(SweepSettings.parse(tiny(task, "methods = [standalone],"
          + " mer = [0.7], devices = [3], seeds = [8]", 1), "t.conf"), spark, out, out));
      assertTrue(buf.toString(StandardCharsets.UTF_8).contains(": FAILED: "),
          buf.toString(StandardCharsets.UTF_8));
    } finally {
      spark.sparkContext().conf().remove(FaultInjection.CONF_KEY);
    }
    Path cell = dir.resolve("cells/fedmllm/mer-0.7/n-3/seed-8");
    assertTrue(Files.notExists(cell.resolve("final/global-lora.tensors")));
    String out = run(SweepSettings.parse(text, "k.conf"));
    assertTrue(out.contains(": resuming in ") && out.contains("after round 1 of 2"), out);
    assertTrue(out.contains("0 started, 1 resumed, 0 skipped, 0 failed"), out);
    assertEquals("method,mer,num_devices,seed,error", Files.readString(dir.resolve(
        "failed-cells.csv")).trim());
    assertEquals(3, Files.readAllLines(cell.resolve("metrics/rounds.csv")).size());
    assertTrue(Files.readString(dir.resolve("cells.csv")).contains(",resumed"));
  }

  @Test
  void preparedUrFallIsPreppedOncePerMerNAndSeed(@TempDir Path tmp) throws Exception {
    // a small generated UR-FALL folder in the real layout (the real falls file trains ~100 s)
    Path raw = tmp.resolve("raw");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(log, true, StandardCharsets.UTF_8);
    assertEquals(0, io.mlecs.prep.SampleDataCommand.run(new String[] {"urfall", "--out",
        raw.toString(), "--seed", "3", "--sequences", "6", "--frames", "20"}, p, p), log::toString);
    Path dir = tmp.resolve("sweep");
    String grid = "methods = [standalone, ml-ecs], mer = [0.5, 0.8], devices = [3], seeds = [2], "
        + "data = prepared-urfall, urfall.input = \"" + raw.toString().replace("\\", "/")
        + "\", report = false";
    String out = run(SweepSettings.parse(tiny(dir, grid, 1), "u.conf"));
    assertEquals(2, count(out, "sweep: prepped urfall"), out);
    Path low = dir.resolve("data/urfall/mer-0.5/n-3/seed-2");
    Path high = dir.resolve("data/urfall/mer-0.8/n-3/seed-2");
    assertTrue(Files.isRegularFile(low.resolve("_manifest.json")));
    assertTrue(Files.readString(dir.resolve("results.csv")).contains("ml-ecs,0.8,3,2,1,0,test,"
        + "f1_macro,"));
    assertTrue(Files.notExists(dir.resolve("report.html")), "sweep.report = false");
    // one pretraining for all four cells: the public rows do not depend on MER (or N)
    assertEquals(3, count(out, "sweep: reused pretrained backbones"), out);
    assertEquals(publicRows(low), publicRows(high));
  }

  private static List<String> publicRows(Path prepared) {
    return spark.read().parquet(prepared.resolve("data").toString())
        .where("role = 'public'").orderBy("sample_id")
        .selectExpr("concat_ws('|', sample_id, split, to_json(features), presence_mask)")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
  }

  @Test
  void badSweepFilesNameTheKeyAndTheValue(@TempDir Path tmp) {
    Path dir = tmp.resolve("s");
    String ok = "methods = [ml-ecs], mer = [0.5], devices = [3], seeds = [1]";
    assertEquals(1, SweepSettings.parse(tiny(dir, ok, 1), "ok.conf").cells().size());
    assertBad(tiny(dir, ok + ", methodz = [x]", 1), "bad.conf", "bad.conf",
        "unknown key 'sweep.methodz'");
    assertBad(tiny(dir, "methods = [ml-ecs], mer = [1.5], devices = [3], seeds = [1]", 1),
        "m.conf", "m.conf", "sweep.mer = 1.5", "(0, 1]");
    assertBad(tiny(dir, "methods = [ml-ecz], mer = [0.5], devices = [3], seeds = [1]", 1),
        "x.conf", "sweep.methods", "ml-ecz", "unknown method");
    assertBad(tiny(dir, "methods = [ml-ecs], mer = [0.5], devices = [0], seeds = [1]", 1),
        "n.conf", "sweep.devices = 0");
    assertBad(tiny(dir, "methods = [ml-ecs], mer = [0.5], devices = [3], seeds = [1.5]", 1),
        "s.conf", "sweep.seeds", "1.5", "not an integer");
    assertBad(tiny(dir, ok + ", data = parquet", 1), "d.conf", "sweep.data = \"parquet\"",
        "prepared-urfall");
    assertBad(tiny(dir, ok + ", data = prepared-urfall, urfall.input = \"" + tmp.resolve("none")
        .toString().replace("\\", "/") + "\"", 1), "u.conf", "sweep.urfall.input", "none",
        "not a directory");
    assertBad(tiny(dir, ok, 1) + "\ntrain.learning-rat = 0.1", "t.conf", "t.conf",
        "unknown key 'train.learning-rat'");
    assertBad(tiny(dir, ok, 1) + "\nrun.method = standalone", "r.conf", "run.method",
        "sweep.methods");
    assertBad("run.rounds = 1", "none.conf", "none.conf", "'sweep' block");
  }

  private static void assertBad(String text, String source, String... needles) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SweepSettings.parse(text, source));
    for (String n : needles) {
      assertTrue(e.getMessage().contains(n), "'" + n + "' not in: " + e.getMessage());
    }
  }
}
