package io.mlecs.prep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * What a prep run produced.
 *
 * @param output the output directory
 * @param rows rows written
 * @param manifest the manifest written
 */
public record PrepSummary(Path output, long rows, ObjectNode manifest) {
  /** One line for the console. */
  public String describe() {
    var counts = manifest.get("row_counts");
    return String.format(
        java.util.Locale.ROOT,
        "prepared %s: %d rows (public train %d / test %d, private train %d / test %d) over %d devices, %d skipped -> %s",
        manifest.get("dataset").asText(), rows,
        counts.get("public").get("train").asLong(), counts.get("public").get("test").asLong(),
        counts.get("private").get("train").asLong(), counts.get("private").get("test").asLong(),
        manifest.get("num_devices").asInt(), manifest.get("skipped_rows").get("count").asLong(), output);
  }
}
