package io.mlecs.jobs.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import io.mlecs.jobs.train.TrainRun;
import io.mlecs.jobs.train.TrainSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Runs every cell of a sweep in this Spark application, one after the other: a cell whose
 * {@code final/global-lora.tensors} exists is skipped, a cell with a {@code run.conf} is resumed
 * from its last checkpoint ({@link TrainRun} resume), any other cell is started. A cell that was
 * run with other training settings than the file now gives is an error (results of two
 * configurations never mix in one table). Stops at the first failing cell; running the command
 * again continues from there.
 */
public final class SweepRunner {
  /**
   * Wall seconds of the invocation that finished a cell, and whether that invocation ran the
   * whole cell ({@code whole}) or resumed it ({@code resumed}).
   */
  static final String SECONDS_FILE = "sweep-seconds.txt";
  static final String FINAL = "final/global-lora.tensors";

  /** Cells that failed in the last invocation: method,mer,num_devices,seed,error. */
  static final String FAILED = "failed-cells.csv";

  /** What happened to each cell in one invocation. */
  public record Summary(int skipped, int resumed, int started, int failed) {}

  private SweepRunner() {}

  public static Summary run(SweepSettings s, SparkSession spark, PrintStream out,
      PrintStream err) {
    List<SweepCell> cells = s.cells();
    mkdirs(s.dir());
    write(s.dir().resolve("sweep.conf"), ConfigFactory.empty()
        .withValue("sweep", s.sweep().root()).withFallback(s.base()).root()
        .render(ConfigRenderOptions.defaults().setOriginComments(false)));
    out.printf(Locale.ROOT, "sweep: %d cells (%d methods x %d MER x %d N x %d seeds), data %s -> %s%n",
        cells.size(), s.methods().size(), s.mers().size(), s.devices().size(), s.seeds().size(),
        s.data().wireName(), s.dir());
    PreparedInputs inputs = new PreparedInputs(s, spark, out);
    PretrainedCache pretrained = s.sweep().getBoolean("share-pretraining")
        ? new PretrainedCache(s.dir(), s.publicDataKey(), out) : null;
    int skipped = 0;
    int resumed = 0;
    int started = 0;
    boolean stop = s.sweep().getString("on-cell-error").equals("stop");
    StringBuilder failed = new StringBuilder("method,mer,num_devices,seed,error\n");
    int failures = 0;
    long sweepStart = System.nanoTime();
    for (int i = 0; i < cells.size(); i++) {
      SweepCell cell = cells.get(i);
      Path dir = s.cellDir(cell);
      String tag = String.format(Locale.ROOT, "sweep: [%d/%d] %s", i + 1, cells.size(),
          cell.label());
      if (Files.isRegularFile(dir.resolve(FINAL))) {
        requireSameSettings(s, cell, s.cellSettings(cell, s.dataPath(cell)));
        out.println(tag + ": finished earlier, skipped");
        skipped++;
        continue;
      }
      TrainSettings ts = s.cellSettings(cell, inputs.ensure(cell));
      boolean resume = Files.isRegularFile(dir.resolve("run.conf"));
      if (resume) {
        requireSameSettings(s, cell, ts);
        resumed++;
      } else {
        started++;
      }
      out.println(tag + (resume ? ": resuming" : ": starting") + " in " + dir);
      long t0 = System.nanoTime();
      if (pretrained != null) {
        pretrained.seed(ts, dir);
      }
      try {
        runCell(ts, spark, out, resume);
      } catch (Exception e) { // SparkException (a failed task) is a checked exception
        if (stop) {
          throw e instanceof RuntimeException r ? r : new IllegalStateException(
              "sweep: cell " + cell.label() + " failed: " + e.getMessage(), e);
        }
        String why = rootMessage(e);
        out.println(tag + ": FAILED: " + why);
        failed.append(cell.csvKey()).append(",\"").append(why.replace("\"", "'")
            .replace('\n', ' ')).append("\"\n");
        failures++;
        continue;
      }
      if (pretrained != null) {
        pretrained.keep(ts, dir);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      write(dir.resolve(SECONDS_FILE), String.format(Locale.ROOT, "%.3f,%s%n", seconds,
          resume ? "resumed" : "whole"));
      out.printf(Locale.ROOT, "%s: done (%.1f s)%n", tag, seconds);
    }
    write(s.dir().resolve(FAILED), failed.toString());
    out.printf(Locale.ROOT, "sweep: %d started, %d resumed, %d skipped, %d failed in %.1f s%n",
        started, resumed, skipped, failures, (System.nanoTime() - sweepStart) / 1e9);
    return new Summary(skipped, resumed, started, failures);
  }

  /** The innermost cause's message (Spark wraps task failures several times). */
  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  /** One cell through TrainRun; RDDs it cached are released afterwards. */
  private static void runCell(TrainSettings ts, SparkSession spark, PrintStream out,
      boolean resume) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Set<Integer> before = new HashSet<>(jsc.getPersistentRDDs().keySet());
    try {
      TrainRun.execute(ts, spark, out, resume);
    } finally {
      jsc.getPersistentRDDs().forEach((id, rdd) -> {
        if (!before.contains(id)) {
          rdd.unpersist(false);
        }
      });
    }
  }

  /** Fails when the cell's saved run.conf differs from the settings the file gives now. */
  static void requireSameSettings(SweepSettings s, SweepCell cell, TrainSettings now) {
    Path conf = s.cellDir(cell).resolve("run.conf");
    if (!Files.isRegularFile(conf)) {
      return;
    }
    Config saved;
    try {
      saved = ConfigFactory.parseString(Files.readString(conf));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + conf, e);
    }
    List<String> diff = differingKeys(saved, now.config());
    if (!diff.isEmpty()) {
      throw new IllegalArgumentException(s.source() + ": cell " + cell.label() + " in "
          + s.cellDir(cell) + " was run with other settings (" + String.join(", ", diff)
          + "); restore them, or delete that cell directory to run it again");
    }
  }

  static List<String> differingKeys(Config a, Config b) {
    TreeSet<String> keys = new TreeSet<>();
    a.entrySet().forEach(e -> keys.add(e.getKey()));
    b.entrySet().forEach(e -> keys.add(e.getKey()));
    keys.remove("run.dir");
    keys.remove("data.path");
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      String va = render(a, k);
      String vb = render(b, k);
      if (!va.equals(vb)) {
        out.add(k + ": was " + va + ", now " + vb);
      }
    }
    return out;
  }

  private static String render(Config c, String key) {
    if (!c.hasPath(key)) {
      return "unset";
    }
    ConfigValue v = c.getValue(key);
    Object u = v.unwrapped();
    if (u instanceof Number n) {
      return Double.toString(n.doubleValue());
    }
    return v.render(ConfigRenderOptions.concise());
  }

  static void mkdirs(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
