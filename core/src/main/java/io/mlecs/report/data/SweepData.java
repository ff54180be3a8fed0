package io.mlecs.report.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the report reads from one sweep directory.
 *
 * @param dir the sweep directory
 * @param results the rows of {@code results.csv}
 * @param bytes the rows of {@code bytes.csv} (empty when the file is absent)
 * @param deviceParams device model parameters by {@code method + "|" + N} (empty when absent)
 */
public record SweepData(Path dir, List<SweepPoint> results, List<SweepBytes> bytes, Map<String, Long> deviceParams) {

  /** The results file name. */
  public static final String RESULTS = "results.csv";

  /**
   * Whether a directory looks like a sweep directory.
   *
   * @param dir the directory
   * @return true when it holds {@code results.csv}
   */
  public static boolean isSweepDir(Path dir) {
    return Files.isRegularFile(dir.resolve(RESULTS));
  }

  /**
   * The device model parameter count of a method at a device count.
   *
   * @param method the method
   * @param numDevices N
   * @return the count, or null when unknown
   */
  public Long deviceParams(String method, int numDevices) {
    return deviceParams.get(method + "|" + numDevices);
  }

  /**
   * Loads a sweep directory.
   *
   * @param dir the directory
   * @return the data
   * @throws ReportInputException naming the file and line of the first problem
   */
  public static SweepData load(Path dir) throws ReportInputException {
    Path resultsFile = dir.resolve(RESULTS);
    List<SweepPoint> results = new ArrayList<>();
    for (CsvRow row : CsvFile.read(resultsFile,
        List.of("method", "mer", "num_devices", "seed", "round", "device", "split", "metric", "value"))) {
      results.add(new SweepPoint(row.text("method"), mer(row), row.positiveInt("num_devices"), row.integer("seed"),
          row.positiveInt("round"), row.device("device"), row.oneOf("split", RunData.SPLITS), row.text("metric"),
          row.number("value")));
    }
    if (results.isEmpty()) {
      throw new ReportInputException(resultsFile + " line 2: no data rows");
    }
    List<SweepBytes> bytes = new ArrayList<>();
    Path bytesFile = dir.resolve("bytes.csv");
    if (Files.exists(bytesFile)) {
      for (CsvRow row : CsvFile.read(bytesFile,
          List.of("method", "mer", "num_devices", "seed", "round", "direction", "payload", "bytes"))) {
        long b = row.integer("bytes");
        if (b < 0) {
          throw row.error("bytes", Long.toString(b), "expected a non-negative integer");
        }
        bytes.add(new SweepBytes(row.text("method"), mer(row), row.positiveInt("num_devices"), row.integer("seed"),
            row.positiveInt("round"), row.oneOf("direction", RunData.DIRECTIONS),
            row.oneOf("payload", RunData.PAYLOADS), b));
      }
    }
    Map<String, Long> params = new HashMap<>();
    Path paramsFile = dir.resolve("device_params.csv");
    if (Files.exists(paramsFile)) {
      for (CsvRow row : CsvFile.read(paramsFile, List.of("method", "num_devices", "device_model_params"))) {
        long p = row.integer("device_model_params");
        if (p < 1) {
          throw row.error("device_model_params", Long.toString(p), "expected a positive integer");
        }
        params.put(row.text("method") + "|" + row.positiveInt("num_devices"), p);
      }
    }
    return new SweepData(dir, List.copyOf(results), List.copyOf(bytes), Map.copyOf(params));
  }

  private static String mer(CsvRow row) throws ReportInputException {
    String text = row.text("mer");
    double v = row.number("mer");
    if (!(v >= 0 && v <= 1)) {
      throw row.error("mer", text, "expected a rate in [0, 1]");
    }
    return text;
  }
}
