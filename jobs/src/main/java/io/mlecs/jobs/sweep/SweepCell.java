package io.mlecs.jobs.sweep;

import java.nio.file.Path;

/**
 * One cell of a sweep grid.
 *
 * @param method method name
 * @param mer modality existing rate as written in the tables (canonical decimal, e.g. {@code 0.5})
 * @param devices number of edge devices N
 * @param seed seed
 */
public record SweepCell(String method, String mer, int devices, long seed) {

  /** The cell's run directory relative to the sweep directory. */
  public Path relativeDir() {
    return Path.of("cells", method, "mer-" + mer, "n-" + devices, "seed-" + seed);
  }

  /** For log lines and messages. */
  public String label() {
    return method + " mer=" + mer + " n=" + devices + " seed=" + seed;
  }

  /** The leading columns of this cell's rows in the sweep tables. */
  String csvKey() {
    return method + "," + mer + "," + devices + "," + seed;
  }
}
