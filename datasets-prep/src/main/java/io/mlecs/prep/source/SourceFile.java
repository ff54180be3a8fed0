package io.mlecs.prep.source;

import java.util.Objects;

/**
 * A file (or a folder of frames / features, digested as a tree) that a reader consumed.
 *
 * @param path path relative to the input directory, {@code /}-separated; folders end with {@code /}
 * @param sha256 hex SHA-256 of the file, or of the folder's {@code name \0 sha256 \n} lines in name order
 * @param bytes file size, or the sum over the folder's files that were read
 * @param files 1 for a file, the number of files digested for a folder
 */
public record SourceFile(String path, String sha256, long bytes, int files) {
  public SourceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
  }
}
