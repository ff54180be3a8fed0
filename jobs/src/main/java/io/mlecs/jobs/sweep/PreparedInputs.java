package io.mlecs.jobs.sweep;

import com.typesafe.config.Config;
import io.mlecs.prep.PrepCommand;
import io.mlecs.prep.SampleDataCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * The prepared datasets of a sweep: one {@code mlecs prep} output per (MER, N, seed) under
 * {@code <dir>/data/<dataset>/mer-<x>/n-<N>/seed-<s>/}, made on first need and reused afterwards
 * (prep writes atomically, so a directory with its {@code _manifest.json} is complete). For VAST
 * without a raw folder, {@code sample-data vast} generates one into {@code <dir>/data/vast-raw}
 * first.
 */
final class PreparedInputs {
  static final String MANIFEST = "_manifest.json";
  private final SweepSettings settings;
  private final SparkSession spark;
  private final PrintStream log;

  PreparedInputs(SweepSettings settings, SparkSession spark, PrintStream log) {
    this.settings = settings;
    this.spark = spark;
    this.log = log;
  }

  /** The prepared dataset of the cell's (MER, N, seed), prepping it if it is not there yet. */
  Path ensure(SweepCell cell) {
    Path out = settings.dataPath(cell);
    if (out == null || Files.isRegularFile(out.resolve(MANIFEST))) {
      return out;
    }
    Config s = settings.sweep();
    String dataset = settings.data().prepDataset();
    List<String> args = new ArrayList<>(List.of(dataset, "--input", rawInput().toString(),
        "--output", out.toString(), "--num-devices", Integer.toString(cell.devices()),
        "--seed", Long.toString(cell.seed()), "--mer", cell.mer(),
        "--mer-mode", s.getString("prep.mer-mode"),
        "--split-unit", s.getString("prep.split-unit"),
        "--public-fraction", SweepSettings.canonical(s.getDouble("prep.public-fraction")),
        "--test-fraction", SweepSettings.canonical(s.getDouble("prep.test-fraction"))));
    if (settings.data() == DataKind.PREPARED_URFALL && s.getBoolean("prep.zscore")) {
      args.add("--zscore");
    }
    if (settings.data() == DataKind.PREPARED_VAST) {
      args.addAll(List.of("--subset-size", Integer.toString(s.getInt("vast.subset-size")),
          "--subset-seed", Long.toString(s.getLong("vast.subset-seed"))));
    }
    long t0 = System.nanoTime();
    run("prep", args, (a, o, e) -> PrepCommand.run(a, spark, o, e));
    log.printf(Locale.ROOT, "sweep: prepped %s for mer=%s n=%d seed=%d in %.1f s -> %s%n",
        dataset, cell.mer(), cell.devices(), cell.seed(), (System.nanoTime() - t0) / 1e9, out);
    return out;
  }

  /** The raw folder prep reads: the configured one, or a generated VAST sample. */
  Path rawInput() {
    Config s = settings.sweep();
    if (settings.data() == DataKind.PREPARED_URFALL) {
      return Path.of(s.getString("urfall.input"));
    }
    if (!s.getIsNull("vast.input")) {
      return Path.of(s.getString("vast.input"));
    }
    Path raw = settings.dir().resolve(Path.of("data", "vast-raw"));
    if (!Files.isRegularFile(raw.resolve("annotations.json"))) {
      run("sample-data", List.of("vast", "--out", raw.toString(), "--seed",
          Long.toString(s.getLong("vast.generator-seed")), "--clips",
          Integer.toString(s.getInt("vast.clips"))), SampleDataCommand::run);
      log.println("sweep: generated " + s.getInt("vast.clips") + " VAST-format clips -> " + raw);
    }
    return raw;
  }

  private interface Step {
    int run(String[] args, PrintStream out, PrintStream err);
  }

  private static void run(String what, List<String> args, Step step) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream both = new PrintStream(buf, true, StandardCharsets.UTF_8);
    int rc = step.run(args.toArray(String[]::new), both, both);
    if (rc != 0) {
      throw new IllegalStateException(what + " " + String.join(" ", args) + " failed (exit " + rc
          + "): " + buf.toString(StandardCharsets.UTF_8).trim());
    }
  }
}
