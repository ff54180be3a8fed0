package io.mlecs.jobs.io;

import io.mlecs.core.io.FileSink;
import io.mlecs.core.io.LocalFileSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A {@link FileSink} through the Hadoop FileSystem API, so run directories and device states work
 * on file://, hdfs://, dbfs:/ and s3a:// alike. Writes go to a hidden temporary sibling and are
 * renamed into place (atomic on HDFS; on object stores the rename is a copy, still never exposing
 * a partial file under the final name). Serializable: executors re-open the file system from the
 * root URI.
 *
 * <p>A root on the local file system (a plain path or a {@code file:} URI) is written with
 * {@link LocalFileSink} (java.nio, atomic move) instead: without Hadoop's native library,
 * Hadoop's local file system forks a {@code chmod} process for every file and directory it
 * creates (~10-20 ms each, several per device and round), and it writes a {@code .crc} sibling
 * per file, which nothing here reads. A stale {@code .crc} left by an earlier Hadoop write is
 * removed when its file is replaced, so Hadoop readers never see a checksum mismatch.
 */
public final class HadoopFileSink implements FileSink, Serializable {
  private static final long serialVersionUID = 1L;
  private final String root;
  private transient FileSystem fs;
  private transient LocalFileSink local;

  public HadoopFileSink(String root) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public String root() {
    return root;
  }

  private FileSystem fs() {
    if (fs == null) {
      try {
        fs = FileSystem.get(URI.create(root.contains(":") ? root : "file://"
            + new java.io.File(root).getAbsolutePath()), new Configuration());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open file system of " + root, e);
      }
    }
    return fs;
  }

  /** The java.nio sink of a local root, or null for any other file system. */
  private LocalFileSink local() {
    if (local == null && isLocal()) {
      local = new LocalFileSink(localRoot());
    }
    return local;
  }

  private boolean isLocal() {
    return !root.contains(":") || root.startsWith("file:");
  }

  private java.nio.file.Path localRoot() {
    return root.startsWith("file:") ? java.nio.file.Paths.get(URI.create(root))
        : java.nio.file.Paths.get(root).toAbsolutePath();
  }

  /** Hadoop's checksum sibling of {@code relative} ({@code dir/.name.crc}). */
  private static String checksumOf(String relative) {
    int slash = relative.lastIndexOf('/');
    return relative.substring(0, slash + 1) + "." + relative.substring(slash + 1) + ".crc";
  }

  private Path path(String relative) {
    String r = root.contains(":") ? root : new java.io.File(root).getAbsolutePath();
    return new Path(r + "/" + relative);
  }

  @Override
  public void write(String relative, byte[] bytes) {
    if (local() != null) {
      local().write(relative, bytes);
      local().delete(checksumOf(relative));
      return;
    }
    Path target = path(relative);
    Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp-"
        + Long.toHexString(Double.doubleToLongBits(Math.random())));
    try {
      fs().mkdirs(target.getParent());
      try (OutputStream out = fs().create(tmp, true)) {
        out.write(bytes);
      }
      if (fs().exists(target)) {
        fs().delete(target, false);
      }
      if (!fs().rename(tmp, target)) {
        throw new IOException("rename " + tmp + " -> " + target + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  @Override
  public Optional<byte[]> read(String relative) {
    if (local() != null) {
      return local().read(relative);
    }
    Path p = path(relative);
    try {
      if (!fs().exists(p)) {
        return Optional.empty();
      }
      try (InputStream in = fs().open(p)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return Optional.of(out.toByteArray());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }

  @Override
  public void delete(String relative) {
    if (local() != null) {
      local().delete(relative);
      local().delete(checksumOf(relative));
      return;
    }
    try {
      fs().delete(path(relative), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path(relative), e);
    }
  }

  @Override
  public String describe(String relative) {
    return path(relative).toString();
  }
}
