package io.mlecs.jobs.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.core.data.TaskType;
import io.mlecs.core.engine.RoundEngine;
import io.mlecs.core.io.TensorCodec;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.synth.SyntheticFederatedData;
import io.mlecs.core.synth.SyntheticOptions;
import io.mlecs.prep.SampleDataCommand;
import io.mlecs.prep.PrepCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The train job on Spark local[2]: equivalence with the in-process transport, resume, errors. */
class TrainRunTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("train-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static PrintStream sink() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  static ParamStore finalLora(Path run) throws Exception {
    Path f = run.resolve("final/global-lora.tensors");
    return TensorCodec.decode(Files.readAllBytes(f), f.toString());
  }

  static void assertSame(ParamStore a, ParamStore b) {
    assertEquals(a.names(), b.names());
    for (String n : a.names()) {
      assertArrayEquals(a.get(n).dup('c').data().asFloat(), b.get(n).dup('c').data().asFloat(),
          n);
    }
  }

  @Test
  void sparkTransportEqualsInProcessAndResumeEqualsUninterrupted(@TempDir Path tmp)
      throws Exception {
    Path viaSpark = tmp.resolve("spark");
    Path viaLocal = tmp.resolve("local");
    Path resumed = tmp.resolve("resumed");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    TrainRun.execute(TrainSettings.parse(TinyTrainConfigs.synthetic(viaSpark.toString(), "spark",
        3), "a.conf"), spark, new PrintStream(console, true, StandardCharsets.UTF_8), false);
    TrainRun.execute(TrainSettings.parse(TinyTrainConfigs.synthetic(viaLocal.toString(), "local",
        3), "b.conf"), spark, sink(), false);
    assertSame(finalLora(viaLocal), finalLora(viaSpark));
    String text = console.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("round") && text.contains("f1_macro_avg"), text);
    assertEquals(4, Files.readAllLines(viaSpark.resolve("metrics/rounds.csv")).size());
    assertTrue(Files.isDirectory(viaSpark.resolve("metrics/metrics.parquet")));

    // a run killed after round 2 and resumed ends with the uninterrupted run's adapters
    spark.sparkContext().conf().set(TrainRun.ABORT_AFTER_ROUND, "2");
    try {
      assertThrows(IllegalStateException.class, () -> TrainRun.execute(TrainSettings.parse(
          TinyTrainConfigs.synthetic(resumed.toString(), "spark", 3), "c.conf"), spark, sink(),
          false));
    } finally {
      spark.sparkContext().conf().remove(TrainRun.ABORT_AFTER_ROUND);
    }
    assertTrue(Files.notExists(resumed.resolve("final/global-lora.tensors")));
    byte[] conf = Files.readAllBytes(resumed.resolve("run.conf"));
    RoundEngine e = TrainRun.execute(TrainSettings.parse(new String(conf, StandardCharsets.UTF_8),
        "run.conf"), spark, sink(), true);
    assertEquals(3, e.completedRounds());
    assertSame(finalLora(viaSpark), finalLora(resumed));
    assertEquals(Files.readString(viaSpark.resolve("metrics/bytes.csv")),
        Files.readString(resumed.resolve("metrics/bytes.csv")));
    // starting a new run over an existing one is refused
    IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
        () -> TrainRun.execute(TrainSettings.parse(TinyTrainConfigs.synthetic(
            viaSpark.toString(), "spark", 3), "d.conf"), spark, sink(), false));
    assertTrue(again.getMessage().contains("already holds a run"), again.getMessage());
  }

  @Test
  void devicesGeneratedInTheTasksTrainAsInProcessAndStayOffTheDriver(@TempDir Path tmp)
      throws Exception {
    String executors = "\ndata.synthetic.generate-on = executors";
    Path viaSpark = tmp.resolve("spark");
    Path viaLocal = tmp.resolve("local");
    TrainSettings s = TrainSettings.parse(TinyTrainConfigs.synthetic(viaSpark.toString(), "spark",
        2) + executors, "e.conf");
    RunData data = RunData.load(s, spark);
    assertTrue(data.driver().devices().isEmpty(), "the driver holds devices");
    SyntheticOptions o = new SyntheticOptions(TaskType.CLASSIFICATION, 3, 24, 24, 8, 0.7, 1.0, 11);
    var shards = data.devices().collect();
    assertEquals(3, shards.size());
    for (var d : shards) {
      var expected = SyntheticFederatedData.deviceOwnStream(o, d.deviceId());
      assertEquals(expected.modalityMask(), d.modalityMask());
      assertEquals(expected.train().stream().map(x -> x.id()).toList(),
          d.train().stream().map(x -> x.id()).toList());
      assertArrayEquals(expected.train().get(0).features()[Integer.numberOfTrailingZeros(
          d.modalityMask())], d.train().get(0).features()[Integer.numberOfTrailingZeros(
          d.modalityMask())]);
    }
    TrainRun.execute(s, spark, sink(), false);
    TrainRun.execute(TrainSettings.parse(TinyTrainConfigs.synthetic(viaLocal.toString(), "local",
        2) + executors, "f.conf"), spark, sink(), false);
    assertSame(finalLora(viaLocal), finalLora(viaSpark));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> TrainSettings.parse(TinyTrainConfigs.synthetic(viaLocal.toString(), "local", 2)
            + "\ndata.synthetic.generate-on = workers", "g.conf"));
    assertEquals("g.conf: data.synthetic.generate-on must be one of [driver, executors], got "
        + "'workers'", bad.getMessage());
  }

  @Test
  void bertScoreIsScoredEveryRoundWhenAskedFor(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("bs");
    TrainRun.execute(TrainSettings.parse(TinyTrainConfigs.synthetic(run.toString(), "spark", 1)
        + "\ndata.synthetic.task = captioning\ntrain.eval-bertscore = true", "bs.conf"), spark,
        sink(), false);
    List<String> rows = Files.readAllLines(run.resolve("metrics/metrics.csv")).stream()
        .filter(l -> l.contains(",bertscore_f1,")).toList();
    // three devices and the server, test split, round 1
    assertEquals(4, rows.size(), rows.toString());
    for (String r : rows) {
      String[] f = r.split(",");
      assertEquals("1", f[0], r);
      assertEquals("test", f[2], r);
      double v = Double.parseDouble(f[4]);
      assertTrue(v > 0.0 && v <= 1.0, r);
    }
  }

  @Test
  void preparedDataErrorsComeBeforeAnyWork(@TempDir Path tmp) {
    String base = TinyTrainConfigs.synthetic(tmp.resolve("run").toString(), "spark", 1);
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> TrainRun.execute(TrainSettings.parse(base + "\ndata { source = prepared, path = \""
            + tmp.resolve("nowhere") + "\" }", "p.conf"), spark, sink(), false));
    assertTrue(missing.getMessage().contains("no prepared dataset at"), missing.getMessage());
    assertTrue(missing.getMessage().contains("nowhere"), missing.getMessage());

    Path raw = tmp.resolve("raw");
    Path prepared = tmp.resolve("prepared");
    assertEquals(0, SampleDataCommand.run(new String[] {"urfall", "--out", raw.toString(),
        "--seed", "3"}, sink(), sink()));
    assertEquals(0, PrepCommand.run(new String[] {"urfall", "--input", raw.toString(),
        "--output", prepared.toString(), "--num-devices", "3", "--seed", "3"}, spark, sink(),
        sink()));
    IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
        () -> TrainRun.execute(TrainSettings.parse(base + "\ndata { source = prepared, path = \""
            + prepared + "\", devices = 7 }", "q.conf"), spark, sink(), false));
    assertTrue(tooMany.getMessage().contains("data.devices = 7 but the prepared dataset at")
        && tooMany.getMessage().contains("has only 3 devices"), tooMany.getMessage());
    assertTrue(Files.notExists(tmp.resolve("run/run.conf")), "no work before validation");
  }

  @Test
  void trainsOnAPreparedDataset(@TempDir Path tmp) throws Exception {
    Path raw = tmp.resolve("raw");
    Path prepared = tmp.resolve("prepared");
    assertEquals(0, SampleDataCommand.run(new String[] {"urfall", "--out", raw.toString(),
        "--seed", "4"}, sink(), sink()));
    assertEquals(0, PrepCommand.run(new String[] {"urfall", "--input", raw.toString(),
        "--output", prepared.toString(), "--num-devices", "3", "--seed", "4", "--mer", "0.7"},
        spark, sink(), sink()));
    Path run = tmp.resolve("run");
    TrainRun.execute(TrainSettings.parse(TinyTrainConfigs.synthetic(run.toString(), "spark", 1)
        + "\ndata { source = prepared, path = \"" + prepared + "\" }", "r.conf"), spark, sink(),
        false);
    String manifest = Files.readString(run.resolve("run-manifest.json"));
    assertTrue(manifest.contains("manifest_sha256"), manifest);
    assertTrue(Files.readString(run.resolve("metrics/metrics.csv")).contains(",f1_macro,"));
    assertEquals(finalLora(run).names().size(), 4);
  }
}
