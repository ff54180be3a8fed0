package io.mlecs.jobs.train;

import io.mlecs.jobs.io.HadoopFileSink;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The metrics table as Parquet ({@code metrics/metrics.parquet}) beside the CSV. */
public final class MetricsParquet {
  private MetricsParquet() {}

  /**
   * {@code keys} followed by the columns of a metrics row: round, device, split, metric, value (the
   * sweep's results table prefixes the cell's keys).
   */
  public static StructType withMetricColumns(StructType keys) {
    return keys
        .add("round", DataTypes.IntegerType, false)
        .add("device", DataTypes.StringType, false)
        .add("split", DataTypes.StringType, false)
        .add("metric", DataTypes.StringType, false)
        .add("value", DataTypes.DoubleType, false);
  }

  static void write(SparkSession spark, HadoopFileSink sink, String csv) {
    List<Row> rows = new ArrayList<>();
    String[] lines = csv.split("\n");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",");
      rows.add(RowFactory.create(Integer.parseInt(f[0]), f[1], f[2], f[3],
          Double.parseDouble(f[4])));
    }
    spark.createDataFrame(rows, withMetricColumns(new StructType())).coalesce(1).write().mode(SaveMode.Overwrite)
        .parquet(sink.describe("metrics/metrics.parquet"));
  }
}
