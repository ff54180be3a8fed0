package io.mlecs.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mlecs.core.engine.DeviceMetrics;
import io.mlecs.core.engine.RoundListener;
import io.mlecs.core.engine.RoundReport;
import io.mlecs.core.io.FileSink;
import io.mlecs.core.io.LocalFileSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the tables of a run directory that {@code mlecs report} reads: {@code run-manifest.json},
 * {@code metrics/metrics.csv} (round,device,split,metric,value), {@code metrics/bytes.csv}
 * (round,direction,payload,bytes; mean bytes per device) and {@code metrics/rounds.csv}. Each
 * table is rewritten whole after every round through an atomic replace; a resumed run first keeps
 * the rows of the rounds already completed and drops any of a round that did not complete.
 */
public final class RunDirectoryWriter implements RoundListener {
  static final String METRICS = "metrics/metrics.csv";
  static final String BYTES = "metrics/bytes.csv";
  static final String ROUNDS = "metrics/rounds.csv";
  private final FileSink sink;
  private final StringBuilder metrics;
  private final StringBuilder bytes;
  private final StringBuilder rounds;

  public RunDirectoryWriter(Path dir, Map<String, Object> manifest) {
    this(new LocalFileSink(dir), manifest, 0);
  }

  /** A writer over {@code sink} that keeps the rows of rounds 1..completedRounds already there. */
  public RunDirectoryWriter(FileSink sink, Map<String, Object> manifest, int completedRounds) {
    this.sink = sink;
    this.metrics = kept(METRICS, "round,device,split,metric,value", completedRounds);
    this.bytes = kept(BYTES, "round,direction,payload,bytes", completedRounds);
    this.rounds = kept(ROUNDS, "round,seconds", completedRounds);
    try {
      ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
      sink.write("run-manifest.json", om.writeValueAsBytes(manifest));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + sink.describe("run-manifest.json"), e);
    }
  }

  private StringBuilder kept(String file, String header, int completed) {
    StringBuilder sb = new StringBuilder(header).append('\n');
    if (completed == 0) {
      return sb;
    }
    String text = sink.read(file).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
    String[] lines = text.split("\n");
    for (int i = 1; i < lines.length; i++) {
      int comma = lines[i].indexOf(',');
      if (comma > 0 && Integer.parseInt(lines[i].substring(0, comma)) <= completed) {
        sb.append(lines[i]).append('\n');
      }
    }
    return sb;
  }

  @Override
  public void onRound(RoundReport r) {
    for (DeviceMetrics d : r.devices()) {
      d.values().forEach((k, v) -> row(r.round(), Integer.toString(d.deviceId()), k, v));
    }
    r.server().forEach((k, v) -> row(r.round(), "server", k, v));
    int n = Math.max(1, r.devices().size());
    r.bytesDown().forEach((k, v) -> bytes.append(r.round()).append(",down,").append(k)
        .append(',').append(v / n).append('\n'));
    r.bytesUp().forEach((k, v) -> bytes.append(r.round()).append(",up,").append(k)
        .append(',').append(v / n).append('\n'));
    rounds.append(r.round()).append(',').append(String.format(Locale.ROOT, "%.3f", r.seconds()))
        .append('\n');
    sink.write(METRICS, metrics.toString().getBytes(StandardCharsets.UTF_8));
    sink.write(BYTES, bytes.toString().getBytes(StandardCharsets.UTF_8));
    sink.write(ROUNDS, rounds.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The metrics table as written so far (CSV text). */
  public String metricsCsv() {
    return metrics.toString();
  }

  private void row(int round, String device, String metric, double value) {
    if (Double.isNaN(value)) {
      return;
    }
    String split = metric.startsWith("test_") || metric.startsWith("f1") || metric.equals(
        "accuracy") || metric.startsWith("rouge") || metric.startsWith("bertscore") ? "test"
        : "train";
    String name = metric.equals("test_loss") ? "loss" : metric;
    metrics.append(round).append(',').append(device).append(',').append(split).append(',')
        .append(name).append(',').append(String.format(Locale.ROOT, "%.6g", value)).append('\n');
  }
}
