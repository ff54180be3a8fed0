package io.mlecs.jobs.sweep;

import io.mlecs.jobs.cli.Command;
import io.mlecs.jobs.cli.CommandContext;
import io.mlecs.jobs.cli.UsageException;
import io.mlecs.report.ReportCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** {@code mlecs sweep --config FILE [--list]}. */
public final class SweepCommand implements Command {
  @Override
  public String name() {
    return "sweep";
  }

  @Override
  public String summary() {
    return "run a grid of training runs (method x MER x N x seed), resumable, into tables and a "
        + "report (sweep --config FILE)";
  }

  @Override
  public String usage() {
    return "Usage: mlecs sweep --config FILE [--list]\n\n"
        + "  --config FILE  a training config (keys of mlecs-defaults.conf) plus a sweep block\n"
        + "                 (keys of mlecs-sweep-defaults.conf): sweep { dir = ..., methods = [...],\n"
        + "                 mer = [...], devices = [...], seeds = [...], data = synthetic |\n"
        + "                 prepared-urfall | prepared-vast }. Examples: conf/experiments/.\n"
        + "  --list         print the cells and their state, run nothing\n\n"
        + "Runs every cell in this Spark application into DIR/cells/<method>/mer-<x>/n-<N>/seed-<s>/\n"
        + "(finished cells are skipped, started ones resumed: run the same command again after a\n"
        + "kill), then writes DIR/results.csv, results.parquet, bytes.csv, device_params.csv,\n"
        + "cells.csv and DIR/report.html. A failing cell is logged in DIR/failed-cells.csv and the\n"
        + "others run (exit 1 at the end), unless sweep.on-cell-error = stop.\n";
  }

  @Override
  public int run(String[] args, CommandContext ctx) {
    boolean list = args.length == 3 && args[2].equals("--list");
    if (!(args.length == 2 || list) || !args[0].equals("--config")) {
      throw new UsageException("sweep needs --config FILE\n\n" + usage());
    }
    SweepSettings s = SweepSettings.load(Path.of(args[1]));
    if (list) {
      for (SweepCell c : s.cells()) {
        boolean done = java.nio.file.Files.isRegularFile(s.cellDir(c).resolve(SweepRunner.FINAL));
        boolean begun = java.nio.file.Files.isRegularFile(s.cellDir(c).resolve("run.conf"));
        ctx.out().println(c.label() + "\t" + (done ? "finished" : begun ? "started" : "to do")
            + "\t" + s.cellDir(c));
      }
      return 0;
    }
    return execute(s, ctx.spark(), ctx.out(), ctx.err());
  }

  /** Runs the sweep, writes the tables and (unless sweep.report = false) the report. */
  public static int execute(SweepSettings s, SparkSession spark, PrintStream out,
      PrintStream err) {
    SweepRunner.Summary summary = SweepRunner.run(s, spark, out, err);
    int gathered = ResultTables.write(s, spark, out);
    if (s.sweep().getBoolean("report") && gathered > 0) {
      int rc = ReportCommand.run(new String[] {s.dir().toString()}, out, err);
      if (rc != 0) {
        throw new IllegalStateException("sweep: the report of " + s.dir() + " failed (exit " + rc
            + ")");
      }
    }
    if (summary.failed() > 0) {
      err.println("sweep: " + summary.failed() + " cells failed (" + s.dir().resolve(
          SweepRunner.FAILED) + "); the tables and the report hold the others");
      return 1;
    }
    return 0;
  }
}
