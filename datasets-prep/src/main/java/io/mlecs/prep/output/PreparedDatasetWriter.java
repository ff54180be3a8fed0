package io.mlecs.prep.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Writes prepared rows as Parquet ({@code data/}) plus {@code _manifest.json}, atomically. The rows are built on
 * the driver (UR-FALL has 11,544 frames, the VAST subset 9,680 clips) and written by Spark, globally sorted by
 * (device_id, sample_id). Paths are local file-system paths (the temporary folder is renamed with java.nio).
 */
public final class PreparedDatasetWriter {
  private PreparedDatasetWriter() {}

  public static void write(SparkSession spark, List<Row> rows, ObjectNode manifest, Path output, boolean overwrite) {
    AtomicOutput out = AtomicOutput.begin(output, overwrite, PreparedSchema.MANIFEST);
    boolean done = false;
    try {
      spark
          .createDataFrame(rows, PreparedSchema.SCHEMA)
          .orderBy(functions.col(PreparedSchema.DEVICE_ID), functions.col(PreparedSchema.SAMPLE_ID))
          .write()
          .parquet(out.dir().resolve(PreparedSchema.DATA_DIR).toUri().toString());
      Files.write(
          out.dir().resolve(PreparedSchema.MANIFEST),
          ManifestBuilder.JSON.writeValueAsBytes(manifest));
      out.commit();
      done = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output, e);
    } finally {
      if (!done) {
        out.abort();
      }
    }
  }
}
