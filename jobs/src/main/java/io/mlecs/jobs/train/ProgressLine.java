package io.mlecs.jobs.train;

import io.mlecs.core.data.DatasetSpec;
import io.mlecs.core.data.TaskType;
import io.mlecs.core.engine.RoundReport;
import java.io.PrintStream;
import java.util.Locale;

/** The console line printed after every round: round, loss, metric, bytes, time. */
final class ProgressLine {
  private final PrintStream out;
  private final String metric;
  private boolean header;

  ProgressLine(PrintStream out, DatasetSpec spec) {
    this.out = out;
    this.metric = spec.task() == TaskType.CLASSIFICATION ? "f1_macro" : "rougeLsum";
  }

  void print(RoundReport r) {
    if (!header) {
      out.printf(Locale.ROOT, "%5s %10s %10s %10s %10s %12s %12s %8s%n", "round", "test_loss",
          metric + "_avg", metric + "_min", "server", "bytes_up", "bytes_down", "seconds");
      header = true;
    }
    double min = r.devices().stream().mapToDouble(d -> d.values().getOrDefault(metric,
        Double.NaN)).min().orElse(Double.NaN);
    out.printf(Locale.ROOT, "%5d %10.4f %10.4f %10.4f %10.4f %12d %12d %8.1f%n", r.round(),
        r.deviceMean("test_loss"), r.deviceMean(metric), min,
        r.server().getOrDefault(metric, Double.NaN),
        r.bytesUp().values().stream().mapToLong(Long::longValue).sum(),
        r.bytesDown().values().stream().mapToLong(Long::longValue).sum(), r.seconds());
    out.flush();
  }
}
