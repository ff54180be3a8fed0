package io.mlecs.jobs.quickstart;

import io.mlecs.jobs.cli.Command;
import io.mlecs.jobs.cli.CommandContext;
import io.mlecs.jobs.cli.UsageException;
import io.mlecs.jobs.train.TrainRun;
import io.mlecs.jobs.train.TrainSettings;
import io.mlecs.prep.PrepCommand;
import io.mlecs.prep.SampleDataCommand;
import io.mlecs.report.ReportCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code mlecs quickstart}: the whole pipeline on an embedded default. It generates a
 * format-faithful UR-FALL-like (or VAST-like) raw dataset, prepares it as partitioned Parquet,
 * trains ML-ECS on it for a few rounds with devices in Spark tasks, prints a per-round table and
 * renders the run's report. Re-running continues or reuses what a previous run left.
 */
public final class QuickstartCommand implements Command {
  @Override
  public String name() {
    return "quickstart";
  }

  @Override
  public String summary() {
    return "generate sample data, prep it, train ML-ECS for a few rounds on Spark, write a report";
  }

  @Override
  public String usage() {
    return "Usage: mlecs quickstart [--dataset urfall|vast] [--devices N] [--mer RATE] "
        + "[--rounds T] [--seed S] [--method NAME] [--dir DIR]\n\n"
        + "  --dataset  urfall (classification, F1) or vast (captioning, ROUGE-Lsum);"
        + " default urfall\n"
        + "  --devices  number of edge devices N (default 3)\n"
        + "  --mer      modality existing rate per device (default 0.7)\n"
        + "  --rounds   communication rounds T (default 3)\n"
        + "  --seed     master seed (default 27)\n"
        + "  --method   ml-ecs | ml-ecs-no-mma | ml-ecs-no-seccl | standalone | multi-fedavg |\n"
        + "             fedmllm | fedilora | co-plms (default ml-ecs)\n"
        + "  --dir      working directory (default work-data/quickstart-<dataset>-<seed>): raw/,\n"
        + "             prepared/ and run/ inside it\n";
  }

  @Override
  public int run(String[] args, CommandContext ctx) throws Exception {
    Map<String, String> opt = new LinkedHashMap<>(Map.of("dataset", "urfall", "devices", "3",
        "mer", "0.7", "rounds", "3", "seed", "27", "method", "ml-ecs"));
    for (int i = 0; i < args.length; i++) {
      String key = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (i + 1 >= args.length || !(opt.containsKey(key) || key.equals("dir"))) {
        throw new UsageException("quickstart: unknown or incomplete option '" + args[i] + "'\n\n"
            + usage());
      }
      opt.put(key, args[++i]);
    }
    String dataset = opt.get("dataset");
    if (!dataset.equals("urfall") && !dataset.equals("vast")) {
      throw new UsageException("quickstart: --dataset must be urfall or vast, got '" + dataset
          + "'");
    }
    Path dir = Path.of(opt.getOrDefault("dir", "work-data/quickstart-" + dataset + "-"
        + opt.get("seed")));
    Path raw = dir.resolve("raw");
    Path prepared = dir.resolve("prepared");
    Path run = dir.resolve("run");
    long t0 = System.nanoTime();
    if (!Files.exists(raw)) {
      step(ctx, "1/4 generating a sample " + dataset + " dataset in " + raw);
      check(SampleDataCommand.run(new String[] {dataset, "--out", raw.toString(), "--seed",
          opt.get("seed")}, ctx.err(), ctx.err()), "sample-data");
    }
    if (!Files.exists(prepared.resolve("_manifest.json"))) {
      step(ctx, "2/4 preparing it as Parquet for " + opt.get("devices") + " devices, MER "
          + opt.get("mer") + " in " + prepared);
      check(PrepCommand.run(new String[] {dataset, "--input", raw.toString(), "--output",
          prepared.toString(), "--num-devices", opt.get("devices"), "--mer", opt.get("mer"),
          "--seed", opt.get("seed"), "--split-unit", dataset.equals("urfall") ? "group"
              : "sample", "--overwrite"}, ctx.spark(), ctx.err(), ctx.err()), "prep");
    }
    step(ctx, "3/4 training " + opt.get("method") + " for " + opt.get("rounds")
        + " rounds (devices in Spark tasks) into " + run);
    String hocon = String.format(Locale.ROOT, """
        run { dir = "%s", seed = %s, rounds = %s, method = "%s" }
        data { source = prepared, path = "%s" }
        """, esc(run), opt.get("seed"), opt.get("rounds"), opt.get("method"), esc(prepared));
    boolean resume = Files.exists(run.resolve("run.conf"));
    if (!resume || !Files.exists(run.resolve("final/global-lora.tensors"))) {
      TrainSettings settings = resume
          ? TrainSettings.parse(Files.readString(run.resolve("run.conf")), run + "/run.conf")
          : TrainSettings.parse(hocon, "quickstart");
      TrainRun.execute(settings, ctx.spark(), ctx.out(), resume);
    } else {
      ctx.out().println("(already trained: " + run + ")");
    }
    step(ctx, "4/4 writing the report");
    check(ReportCommand.run(new String[] {run.toString()}, ctx.out(), ctx.err()), "report");
    ctx.out().printf(Locale.ROOT, "quickstart done in %.0f s; open %s%n",
        (System.nanoTime() - t0) / 1e9, run.resolve("report.html"));
    return 0;
  }

  private static String esc(Path p) {
    return p.toString().replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static void step(CommandContext ctx, String message) {
    ctx.out().println("== " + message);
    ctx.out().flush();
  }

  private static void check(int rc, String what) {
    if (rc != 0) {
      throw new IllegalStateException("quickstart: " + what + " failed with exit code " + rc);
    }
  }
}
