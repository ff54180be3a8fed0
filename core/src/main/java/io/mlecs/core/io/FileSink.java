package io.mlecs.core.io;

import java.util.Optional;

/**
 * A directory the engine writes run outputs to: local files in core, the Hadoop FileSystem API
 * (file://, hdfs://, dbfs:/, s3a://) in the Spark jobs. Writes are atomic: readers see the old
 * content or the new one, never a part.
 */
public interface FileSink {
  /** Atomically replaces {@code relative} with {@code bytes}, creating parent directories. */
  void write(String relative, byte[] bytes);

  /** The content of {@code relative}, if the file exists. */
  Optional<byte[]> read(String relative);

  /** Deletes {@code relative} (a file or a directory tree) if it exists. */
  void delete(String relative);

  /** A printable location of {@code relative}, for messages. */
  String describe(String relative);
}
