package io.mlecs.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mlecs.core.engine.DeviceMetrics;
import io.mlecs.core.engine.RoundListener;
import io.mlecs.core.engine.RoundReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run directory that {@code bin/mlecs report} reads: {@code run-manifest.json},
 * {@code metrics/metrics.csv} (round,device,split,metric,value), {@code metrics/bytes.csv}
 * (round,direction,payload,bytes: mean bytes per device) and {@code metrics/rounds.csv}. Every
 * file is rewritten whole after each round through a temporary file and an atomic move, so a
 * crash never leaves a half-written table.
 */
public final class RunDirectoryWriter implements RoundListener {
  private final Path dir;
  private final StringBuilder metrics = new StringBuilder("round,device,split,metric,value\n");
  private final StringBuilder bytes = new StringBuilder("round,direction,payload,bytes\n");
  private final StringBuilder rounds = new StringBuilder("round,seconds\n");

  public RunDirectoryWriter(Path dir, Map<String, Object> manifest) {
    this.dir = dir;
    try {
      Files.createDirectories(dir.resolve("metrics"));
      ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      write(dir.resolve("run-manifest.json"), om.writeValueAsString(manifest));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create run directory " + dir, e);
    }
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
    write(dir.resolve("metrics/metrics.csv"), metrics.toString());
    write(dir.resolve("metrics/bytes.csv"), bytes.toString());
    write(dir.resolve("metrics/rounds.csv"), rounds.toString());
  }

  private void row(int round, String device, String metric, double value) {
    if (Double.isNaN(value)) {
      return;
    }
    String split = metric.startsWith("test_") || metric.startsWith("f1") || metric.equals(
        "accuracy") || metric.startsWith("rouge") ? "test" : "train";
    String name = metric.equals("test_loss") ? "loss" : metric;
    metrics.append(round).append(',').append(device).append(',').append(split).append(',')
        .append(name).append(',').append(String.format(Locale.ROOT, "%.6g", value)).append('\n');
  }

  /** Writes {@code text} to {@code target} through a temporary sibling and an atomic move. */
  public static void write(Path target, String text) {
    try {
      Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }
}
