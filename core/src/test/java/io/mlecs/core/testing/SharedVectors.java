package io.mlecs.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Reads reference vectors from the shared folder beside the project. */
public final class SharedVectors {
  private SharedVectors() {}

  public static Path sharedDir() {
    String dir = System.getProperty("mlecs.shared.dir");
    Path p = dir != null ? Paths.get(dir) : Paths.get("..", "shared");
    if (!Files.isDirectory(p)) {
      p = Paths.get("..", "..", "shared");
    }
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("shared folder not found (system property mlecs.shared.dir = "
          + dir + ")");
    }
    return p;
  }

  public static JsonNode load(String file) {
    try {
      return new ObjectMapper().readTree(sharedDir().resolve("vectors").resolve(file).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static double[][] matrix(JsonNode n) {
    double[][] m = new double[n.size()][];
    for (int i = 0; i < n.size(); i++) {
      m[i] = new double[n.get(i).size()];
      for (int j = 0; j < m[i].length; j++) {
        m[i][j] = n.get(i).get(j).asDouble();
      }
    }
    return m;
  }
}
