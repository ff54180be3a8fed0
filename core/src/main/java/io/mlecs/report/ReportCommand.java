package io.mlecs.report;

import io.mlecs.report.data.ReportInputException;
import io.mlecs.report.data.RunData;
import io.mlecs.report.data.SweepData;
import io.mlecs.report.html.RunReport;
import io.mlecs.report.html.SweepReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code report RUN_OR_SWEEP_DIR [--out FILE] [--n N] [--mer X]}: writes a self-contained
 * {@code report.html}. Exit status: 0 on success, 2 on a usage or input error (message naming the
 * file and line), 1 when the report cannot be written.
 */
public final class ReportCommand {

  /** The default output file name, inside the input directory. */
  public static final String DEFAULT_NAME = "report.html";

  static final String USAGE = String.join("\n",
      "Usage: report RUN_OR_SWEEP_DIR [--out FILE] [--n N] [--mer X]",
      "",
      "Writes a self-contained HTML report (inline SVG charts, no scripts, no network access).",
      "A directory holding run-manifest.json is a run; one holding results.csv is a sweep.",
      "",
      "Options:",
      "  --out FILE   where to write the report (default: RUN_OR_SWEEP_DIR/report.html); written atomically",
      "  --n N        sweep only: the number of devices of Table 1 and the charts (default: the largest N)",
      "  --mer X      sweep only: the MER of Table 2 (default: the MER with results at the most N values)",
      "  --help       print this help and exit",
      "",
      "Exit status: 0 ok, 2 usage or input error (file and line named on stderr), 1 write failure.");

  private ReportCommand() {}

  /**
   * Runs the command.
   *
   * @param args the arguments after the word {@code report}
   * @param out where the help and the success message go
   * @param err where errors go
   * @return the exit status
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Path dir = null;
    Path target = null;
    Integer n = null;
    String mer = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--help", "-h" -> {
            out.println(USAGE);
            return 0;
          }
          case "--out" -> target = Path.of(value(args, ++i, "--out"));
          case "--n" -> n = parseN(value(args, ++i, "--n"));
          case "--mer" -> mer = value(args, ++i, "--mer");
          default -> {
            if (args[i].startsWith("--")) {
              throw new IllegalArgumentException("unknown option '" + args[i] + "'; see --help");
            }
            if (dir != null) {
              throw new IllegalArgumentException("only one directory is allowed, got '" + dir + "' and '" + args[i] + "'");
            }
            dir = Path.of(args[i]);
          }
        }
      }
      if (dir == null) {
        throw new IllegalArgumentException("missing RUN_OR_SWEEP_DIR; see --help");
      }
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException(dir + ": not a directory");
      }
      String html;
      String kind;
      if (RunData.isRunDir(dir)) {
        if (n != null || mer != null) {
          throw new IllegalArgumentException("--n and --mer apply to sweep directories only");
        }
        html = RunReport.render(RunData.load(dir));
        kind = "run";
      } else if (SweepData.isSweepDir(dir)) {
        html = SweepReport.render(SweepData.load(dir), n, mer);
        kind = "sweep";
      } else {
        throw new IllegalArgumentException(dir + ": neither a run directory (run-manifest.json) nor a sweep "
            + "directory (results.csv)");
      }
      Path file = target != null ? target : dir.resolve(DEFAULT_NAME);
      AtomicFiles.writeString(file, html);
      out.println("report: wrote " + kind + " report " + file);
      return 0;
    } catch (ReportInputException | IllegalArgumentException e) {
      err.println("report: error: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("report: cannot write the report: " + e);
      return 1;
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int parseN(String text) {
    try {
      int v = Integer.parseInt(text);
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--n: expected a positive integer, got '" + text + "'");
  }

  /**
   * Command-line entry point.
   *
   * @param args the arguments after the word {@code report}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }
}
