package io.mlecs.jobs.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlecs.jobs.train.MetricsParquet;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The sweep's tidy tables, gathered from the finished cells of the grid (cells of other grids that
 * share the directory are left out):
 * <ul>
 *   <li>{@code results.csv} {@code method,mer,num_devices,seed,round,device,split,metric,value}
 *       (every row of each cell's {@code metrics/metrics.csv}) and the same as
 *       {@code results.parquet} (mer double, seed long, round int, value double);</li>
 *   <li>{@code bytes.csv} {@code method,mer,num_devices,seed,round,direction,payload,bytes} (mean
 *       bytes per device, from {@code metrics/bytes.csv});</li>
 *   <li>{@code device_params.csv} {@code method,num_devices,device_model_params} (from the run
 *       manifests; the largest value when cells disagree);</li>
 *   <li>{@code cells.csv} {@code method,mer,num_devices,seed,rounds,seconds,segment}: wall time of
 *       the invocation that finished each cell.</li>
 * </ul>
 */
final class ResultTables {
  static final String RESULTS_HEADER = "method,mer,num_devices,seed,round,device,split,metric,value";
  static final String BYTES_HEADER = "method,mer,num_devices,seed,round,direction,payload,bytes";

  private ResultTables() {}

  /** Writes the tables; returns the number of cells gathered. */
  static int write(SweepSettings s, SparkSession spark, PrintStream out) {
    StringBuilder results = new StringBuilder(RESULTS_HEADER).append('\n');
    StringBuilder bytes = new StringBuilder(BYTES_HEADER).append('\n');
    StringBuilder cells = new StringBuilder("method,mer,num_devices,seed,rounds,seconds,segment\n");
    Map<String, Long> params = new TreeMap<>();
    List<Row> rows = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    int gathered = 0;
    List<String> missing = new ArrayList<>();
    for (SweepCell cell : s.cells()) {
      Path dir = s.cellDir(cell);
      if (!Files.isRegularFile(dir.resolve(SweepRunner.FINAL))) {
        missing.add(cell.label());
        continue;
      }
      gathered++;
      String key = cell.csvKey();
      for (String line : dataLines(dir.resolve("metrics/metrics.csv"))) {
        results.append(key).append(',').append(line).append('\n');
        String[] f = line.split(",");
        rows.add(RowFactory.create(cell.method(), Double.parseDouble(cell.mer()), cell.devices(),
            cell.seed(), Integer.parseInt(f[0]), f[1], f[2], f[3], Double.parseDouble(f[4])));
      }
      for (String line : dataLines(dir.resolve("metrics/bytes.csv"))) {
        bytes.append(key).append(',').append(line).append('\n');
      }
      JsonNode manifest = readJson(json, dir.resolve("run-manifest.json"));
      params.merge(cell.method() + "," + cell.devices(),
          manifest.path("device_model_params").asLong(), Math::max);
      String seconds = read(dir.resolve(SweepRunner.SECONDS_FILE)).trim();
      cells.append(key).append(',').append(manifest.path("rounds").asInt()).append(',')
          .append(seconds.isEmpty() ? "," : seconds).append('\n');
    }
    StringBuilder deviceParams = new StringBuilder("method,num_devices,device_model_params\n");
    params.forEach((k, v) -> deviceParams.append(k).append(',').append(v).append('\n'));
    SweepRunner.write(s.dir().resolve("results.csv"), results.toString());
    SweepRunner.write(s.dir().resolve("bytes.csv"), bytes.toString());
    SweepRunner.write(s.dir().resolve("device_params.csv"), deviceParams.toString());
    SweepRunner.write(s.dir().resolve("cells.csv"), cells.toString());
    StructType schema = MetricsParquet.withMetricColumns(new StructType()
        .add("method", DataTypes.StringType, false)
        .add("mer", DataTypes.DoubleType, false)
        .add("num_devices", DataTypes.IntegerType, false)
        .add("seed", DataTypes.LongType, false));
    spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite)
        .parquet(s.dir().resolve("results.parquet").toAbsolutePath().toString());
    out.println("sweep: wrote " + s.dir().resolve("results.csv") + " (" + rows.size()
        + " rows from " + gathered + " cells), results.parquet, bytes.csv, device_params.csv, "
        + "cells.csv");
    if (!missing.isEmpty()) {
      out.println("sweep: " + missing.size() + " cells not finished: " + missing);
    }
    return gathered;
  }

  private static List<String> dataLines(Path file) {
    String[] lines = read(file).split("\n");
    List<String> out = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        out.add(lines[i]);
      }
    }
    return out;
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static JsonNode readJson(ObjectMapper json, Path file) {
    try {
      return json.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
