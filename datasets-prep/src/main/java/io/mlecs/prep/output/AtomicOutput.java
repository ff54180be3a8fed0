package io.mlecs.prep.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An output folder written atomically: everything goes to a hidden temporary sibling
 * {@code .{name}.tmp-{uuid}}, which is renamed to the target only when complete. An existing target is refused
 * unless overwriting, and even then only when it is empty or holds the marker file (for prep outputs
 * {@code _manifest.json}, so an unrelated folder is never deleted); it is first renamed aside, then deleted after the new folder is in place. A failure deletes the
 * temporary folder, so the target is either absent, the old output, or the complete new one.
 */
public final class AtomicOutput {
  private final Path target;
  private final Path temp;

  private AtomicOutput(Path target, Path temp) {
    this.target = target;
    this.temp = temp;
  }

  /** Throws {@link IllegalArgumentException} when {@code target} may not be (over)written. */
  public static void checkTarget(Path target, boolean overwrite, String marker) {
    if (!Files.exists(target)) {
      return;
    }
    if (!overwrite) {
      throw new IllegalArgumentException(
          "output directory already exists: " + target + " (pass --overwrite to replace it)");
    }
    if (!Files.isDirectory(target)) {
      throw new IllegalArgumentException("--output exists and is not a directory: " + target);
    }
    if (!Files.isRegularFile(target.resolve(marker)) && !isEmpty(target)) {
      throw new IllegalArgumentException(
          "--overwrite refuses " + target + ": it is neither empty nor an earlier output (no " + marker + ")");
    }
  }

  /** Checks the target and creates the temporary sibling. */
  public static AtomicOutput begin(Path target, boolean overwrite, String marker) {
    Path abs = target.toAbsolutePath().normalize();
    checkTarget(abs, overwrite, marker);
    try {
      Files.createDirectories(abs.getParent());
      Path temp = abs.resolveSibling("." + abs.getFileName() + ".tmp-" + UUID.randomUUID());
      Files.createDirectory(temp);
      return new AtomicOutput(abs, temp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder beside " + abs, e);
    }
  }

  /** The temporary folder to write into. */
  public Path dir() {
    return temp;
  }

  /** Renames the temporary folder into place (replacing an old output when overwriting). */
  public void commit() {
    try {
      Path old = null;
      if (Files.exists(target)) {
        old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      if (old != null) {
        deleteTree(old);
      }
    } catch (IOException e) {
      abort();
      throw new UncheckedIOException("cannot move the finished output into " + target, e);
    }
  }

  /** Deletes the temporary folder (best effort). */
  public void abort() {
    try {
      deleteTree(temp);
    } catch (IOException | UncheckedIOException ignored) {
      // best effort: a leftover hidden .tmp folder never looks like a finished output
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
