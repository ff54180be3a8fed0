package io.mlecs.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: reads the reference vectors under the shared folder ({@code mlecs.shared.dir}). */
public final class SharedVectors {

  private SharedVectors() {}

  /**
   * The shared folder, from the system property {@code mlecs.shared.dir} that surefire sets.
   *
   * @return the folder
   */
  public static Path sharedDir() {
    String dir = System.getProperty("mlecs.shared.dir");
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException("system property mlecs.shared.dir is not set (run the tests with Maven)");
    }
    return Path.of(dir);
  }

  /**
   * Parses {@code vectors/NAME}.
   *
   * @param name the file name, e.g. {@code rouge_vectors.json}
   * @return the JSON tree
   */
  public static JsonNode load(String name) {
    Path file = sharedDir().resolve("vectors").resolve(name);
    try {
      return new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
