package io.mlecs.prep;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locations of test data: the shared folder comes from the system property {@code mlecs.shared.dir}. */
public final class TestData {
  /** Rows and label counts of the real falls file, counted with awk -F, '{print $3}' | sort | uniq -c. */
  public static final int REAL_FALLS_ROWS = 2995;
  public static final int REAL_NOT_LYING = 1192; // raw -1 -> label 0
  public static final int REAL_TEMPORARY = 900; // raw 0 -> label 1
  public static final int REAL_LYING = 903; // raw 1 -> label 2
  public static final int REAL_FALL_SEQUENCES = 30;

  private TestData() {}

  public static Path shared() {
    String dir = System.getProperty("mlecs.shared.dir");
    assertTrue(dir != null, "system property mlecs.shared.dir is not set (surefire sets it)");
    return Path.of(dir);
  }

  /** The folder holding the real urfall-cam0-falls.csv. */
  public static Path realUrFall() {
    Path p = shared().resolve("data").resolve("urfall");
    assertTrue(Files.isRegularFile(p.resolve("urfall-cam0-falls.csv")), "missing " + p + "/urfall-cam0-falls.csv");
    return p;
  }
}
