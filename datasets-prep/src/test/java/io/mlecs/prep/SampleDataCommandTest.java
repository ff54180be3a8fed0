package io.mlecs.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataCommandTest {
  @TempDir Path tmp;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return SampleDataCommand.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void writesOnceAndOverwritesOnlyWhenAsked() throws Exception {
    Path out = tmp.resolve("u");
    assertEquals(0, run("urfall", "--out", out.toString(), "--seed", "3", "--sequences", "2", "--frames", "20"));
    assertTrue(Files.isRegularFile(out.resolve("urfall-cam0-falls.csv")));
    assertTrue(Files.isRegularFile(out.resolve("urfall-cam0-adls.csv")));
    assertEquals(2, run("urfall", "--out", out.toString(), "--sequences", "2", "--frames", "20"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("output directory already exists"));
    assertEquals(0, run("urfall", "--out", out.toString(), "--sequences", "2", "--frames", "20", "--overwrite"));
    try (var s = Files.list(tmp)) {
      assertEquals(1, s.count(), "no temporary or old folders left");
    }
  }

  @Test
  void badUsageIsNamed() {
    assertEquals(2, run("vast", "--out", tmp.resolve("v").toString(), "--clips", "0"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("sample-data vast: --clips must be in [1, 1000000], got 0\n"));
    err.reset();
    assertEquals(2, run("vast", "--out", tmp.resolve("v").toString(), "--sequences", "3"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("sample-data vast: option --sequences does not apply to vast (only to urfall)"));
    err.reset();
    assertEquals(2, run("urfall"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("sample-data urfall: --out is required"));
    assertFalse(Files.exists(tmp.resolve("v")));
  }
}
