package io.mlecs.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link FileSink} on the local file system: a uniquely named temporary sibling, then an atomic
 * move over the target (so concurrent writers of one file, e.g. a speculative task, never see or
 * leave a partial file).
 */
public final class LocalFileSink implements FileSink {
  private final Path root;

  public LocalFileSink(Path root) {
    this.root = root;
  }

  @Override
  public void write(String relative, byte[] bytes) {
    Path target = root.resolve(relative);
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      try {
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  @Override
  public Optional<byte[]> read(String relative) {
    Path p = root.resolve(relative);
    try {
      return Files.isRegularFile(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }

  @Override
  public void delete(String relative) {
    Path p = root.resolve(relative);
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + p, e);
    }
  }

  @Override
  public String describe(String relative) {
    return root.resolve(relative).toString();
  }
}
