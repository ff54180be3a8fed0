package io.mlecs.report.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Everything the report reads from one run directory.
 *
 * @param dir the run directory
 * @param manifest the run manifest
 * @param metrics the rows of {@code metrics/metrics.csv}
 * @param bytes the rows of {@code metrics/bytes.csv}
 * @param rounds the rows of {@code metrics/rounds.csv}
 */
public record RunData(
    Path dir, RunManifest manifest, List<MetricPoint> metrics, List<BytesPoint> bytes, List<RoundTime> rounds) {

  static final Set<String> SPLITS = Set.of("train", "test");
  static final Set<String> DIRECTIONS = Set.of("up", "down");
  /** Payload names: the engine's (UploadScope.payload: lora, encoder, connector, other; fused; count) and params. */
  static final Set<String> PAYLOADS = Set.of("lora", "fused", "count", "params", "encoder", "connector", "other");

  /**
   * Whether a directory looks like a run directory.
   *
   * @param dir the directory
   * @return true when it holds {@code run-manifest.json}
   */
  public static boolean isRunDir(Path dir) {
    return Files.isRegularFile(dir.resolve(RunManifest.FILE_NAME));
  }

  /**
   * Loads a run directory.
   *
   * @param dir the directory
   * @return the data
   * @throws ReportInputException naming the file and line of the first problem
   */
  public static RunData load(Path dir) throws ReportInputException {
    RunManifest manifest = RunManifest.read(dir.resolve(RunManifest.FILE_NAME));
    Path metricsDir = dir.resolve("metrics");
    List<MetricPoint> metrics = new ArrayList<>();
    for (CsvRow row : CsvFile.read(metricsDir.resolve("metrics.csv"),
        List.of("round", "device", "split", "metric", "value"))) {
      metrics.add(new MetricPoint(row.positiveInt("round"), row.device("device"), row.oneOf("split", SPLITS),
          row.text("metric"), row.number("value")));
    }
    if (metrics.isEmpty()) {
      throw new ReportInputException(metricsDir.resolve("metrics.csv") + " line 2: no data rows");
    }
    List<BytesPoint> bytes = new ArrayList<>();
    for (CsvRow row : CsvFile.read(metricsDir.resolve("bytes.csv"), List.of("round", "direction", "payload", "bytes"))) {
      long b = row.integer("bytes");
      if (b < 0) {
        throw row.error("bytes", Long.toString(b), "expected a non-negative integer");
      }
      bytes.add(new BytesPoint(row.positiveInt("round"), row.oneOf("direction", DIRECTIONS),
          row.oneOf("payload", PAYLOADS), b));
    }
    List<RoundTime> rounds = new ArrayList<>();
    for (CsvRow row : CsvFile.read(metricsDir.resolve("rounds.csv"), List.of("round", "seconds"))) {
      rounds.add(new RoundTime(row.positiveInt("round"), row.number("seconds")));
    }
    return new RunData(dir, manifest, List.copyOf(metrics), List.copyOf(bytes), List.copyOf(rounds));
  }
}
