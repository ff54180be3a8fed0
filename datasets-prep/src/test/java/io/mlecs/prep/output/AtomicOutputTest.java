package io.mlecs.prep.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
  @TempDir Path tmp;

  private long entries() throws Exception {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.count();
    }
  }

  @Test
  void theTargetAppearsOnlyOnCommit() throws Exception {
    Path target = tmp.resolve("out");
    AtomicOutput o = AtomicOutput.begin(target, false, "_manifest.json");
    Files.writeString(o.dir().resolve("_manifest.json"), "{}");
    assertFalse(Files.exists(target), "nothing at the target while writing");
    assertTrue(o.dir().getFileName().toString().startsWith(".out.tmp-"));
    o.commit();
    assertTrue(Files.isRegularFile(target.resolve("_manifest.json")));
    assertEquals(1, entries());
  }

  @Test
  void abortRemovesTheHalfWrittenFolder() throws Exception {
    AtomicOutput o = AtomicOutput.begin(tmp.resolve("out"), false, "_manifest.json");
    Files.createDirectories(o.dir().resolve("data"));
    Files.writeString(o.dir().resolve("data/part-0.parquet"), "half");
    o.abort();
    assertEquals(0, entries());
  }

  @Test
  void overwriteReplacesAnEarlierOutputAndRefusesOtherFolders() throws Exception {
    Path target = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(target.resolve("_manifest.json"), "old");
    assertEquals("output directory already exists: " + target + " (pass --overwrite to replace it)",
        assertThrows(IllegalArgumentException.class, () -> AtomicOutput.begin(target, false, "_manifest.json")).getMessage());
    AtomicOutput o = AtomicOutput.begin(target, true, "_manifest.json");
    Files.writeString(o.dir().resolve("_manifest.json"), "new");
    o.commit();
    assertEquals("new", Files.readString(target.resolve("_manifest.json")));
    assertEquals(1, entries(), "the old output was removed");
    Files.delete(target.resolve("_manifest.json"));
    Files.writeString(target.resolve("thesis.tex"), "precious");
    assertThrows(IllegalArgumentException.class, () -> AtomicOutput.begin(target, true, "_manifest.json"));
    assertTrue(Files.exists(target.resolve("thesis.tex")));
  }
}
