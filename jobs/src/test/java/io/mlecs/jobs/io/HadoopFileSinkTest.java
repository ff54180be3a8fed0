package io.mlecs.jobs.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run directories on the local file system: atomic writes without Hadoop's checksum files or
 * temporary leftovers, for plain paths and file: URIs, and no checksum mismatch for Hadoop
 * readers when a file Hadoop wrote earlier is replaced.
 */
class HadoopFileSinkTest {
  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted()
          .toList();
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void localRootsWriteReadReplaceAndDeleteWithNothingElseOnDisk(@TempDir Path dir)
      throws Exception {
    for (String root : List.of(dir.resolve("plain").toString(),
        dir.resolve("uri").toUri().toString())) {
      HadoopFileSink sink = new HadoopFileSink(root);
      sink.write("state/round-0001/device-3.tensors", utf8("first"));
      sink.write("state/round-0001/device-3.tensors", utf8("second"));
      sink.write("checkpoint/LATEST", utf8("1"));
      assertArrayEquals(utf8("second"), sink.read("state/round-0001/device-3.tensors")
          .orElseThrow());
      Path base = root.startsWith("file:") ? dir.resolve("uri") : dir.resolve("plain");
      assertEquals(List.of("checkpoint/LATEST", "state/round-0001/device-3.tensors"),
          names(base), root);
      sink.delete("state/round-0001");
      assertFalse(sink.read("state/round-0001/device-3.tensors").isPresent());
      assertEquals(List.of("checkpoint/LATEST"), names(base));
    }
  }

  @Test
  void replacingAFileHadoopWroteLeavesNoStaleChecksum(@TempDir Path dir) throws Exception {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir.toUri().toString()
        + "/metrics/rounds.csv");
    try (OutputStream out = fs.create(p, true)) {
      out.write(utf8("round,seconds\n1,0.5\n"));
    }
    assertTrue(Files.exists(dir.resolve("metrics/.rounds.csv.crc")), "Hadoop wrote a checksum");
    HadoopFileSink sink = new HadoopFileSink(dir.toString());
    sink.write("metrics/rounds.csv", utf8("round,seconds\n1,0.5\n2,0.4\n"));
    assertFalse(Files.exists(dir.resolve("metrics/.rounds.csv.crc")));
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    try (InputStream in = fs.open(p)) {
      in.transferTo(read);
    }
    assertEquals("round,seconds\n1,0.5\n2,0.4\n", read.toString(StandardCharsets.UTF_8));
  }
}
