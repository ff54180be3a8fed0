package io.mlecs.prep.vast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mlecs.prep.sample.NpyWriter;
import io.mlecs.prep.source.BadInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyReaderTest {
  /** np.save(f, np.array([1.5, -2.0, 3.25], dtype='<f4')) with NumPy 1.x: a v1.0 file, header padded to 64. */
  private static final String NUMPY_F4 =
      "934e554d5059010076007b276465736372273a20273c6634272c2027666f727472616e5f6f72646572273a2046616c73652c"
          + "20277368617065273a2028332c292c207d202020202020202020202020202020202020202020202020202020202020202020"
          + "2020202020202020202020202020202020202020202020202020200a0000c03f000000c000005040";

  @Test
  void readsABufferWrittenByNumpy() {
    NpyArray a = NpyReader.parse(HexFormat.of().parseHex(NUMPY_F4), "x.npy");
    assertArrayEquals(new int[] {3}, a.shape());
    assertArrayEquals(new float[] {1.5f, -2f, 3.25f}, a.vector());
    // and the writer produces the same bytes as NumPy
    assertArrayEquals(
        HexFormat.of().parseHex(NUMPY_F4), NpyWriter.bytes(1, false, new int[] {3}, new double[] {1.5, -2, 3.25}));
  }

  @Test
  void roundTripsVersionsDtypesAndRanks() {
    double[] data = {1, 2, 3, 4, 5, 6};
    for (int version : new int[] {1, 2}) {
      for (boolean f64 : new boolean[] {false, true}) {
        NpyArray one = NpyReader.parse(NpyWriter.bytes(version, f64, new int[] {6}, data), "a.npy");
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, one.vector());
        NpyArray two = NpyReader.parse(NpyWriter.bytes(version, f64, new int[] {2, 3}, data), "b.npy");
        assertArrayEquals(new int[] {2, 3}, two.shape());
        assertArrayEquals(new float[] {2.5f, 3.5f, 4.5f}, two.vector(), "2-D -> mean over rows");
      }
    }
  }

  @Test
  void fortranOrderIsAveragedOverRowsToo() {
    byte[] c = NpyWriter.bytes(1, false, new int[] {2, 3}, new double[] {1, 4, 2, 5, 3, 6});
    String text = new String(c, StandardCharsets.ISO_8859_1).replace("'fortran_order': False", "'fortran_order': True ");
    NpyArray a = NpyReader.parse(text.getBytes(StandardCharsets.ISO_8859_1), "f.npy");
    // column-major (2,3) data 1,4,2,5,3,6 is rows [1,2,3] and [4,5,6]
    assertArrayEquals(new float[] {2.5f, 3.5f, 4.5f}, a.vector());
  }

  @Test
  void truncatedDataIsDetected() {
    byte[] full = NpyWriter.bytes(1, false, new int[] {4, 8}, new double[32]);
    BadInputException e =
        assertThrows(BadInputException.class, () -> NpyReader.parse(Arrays.copyOf(full, full.length - 3), "vision/c1.npy"));
    assertEquals("vision/c1.npy: truncated .npy data: shape [4, 8] needs 128 bytes, found 125", e.getMessage());
    e = assertThrows(BadInputException.class, () -> NpyReader.parse(Arrays.copyOf(full, 40), "vision/c1.npy"));
    assertEquals("vision/c1.npy: truncated .npy header: needs 118 bytes, file has 30", e.getMessage());
    e = assertThrows(BadInputException.class, () -> NpyReader.parse(Arrays.copyOf(full, full.length + 4), "v.npy"));
    assertEquals("v.npy: 4 unexpected bytes after the data of shape [4, 8]", e.getMessage());
  }

  @Test
  void unsupportedContentIsNamed() {
    byte[] ok = NpyWriter.bytes(1, false, new int[] {2}, new double[] {1, 2});
    assertEquals("n.npy: not a .npy file (bad magic string, 5 bytes)",
        assertThrows(BadInputException.class, () -> NpyReader.parse("hello".getBytes(), "n.npy")).getMessage());
    assertEquals("n.npy: unsupported dtype '>f4' (little-endian <f4 or <f8 only)",
        assertThrows(BadInputException.class, () -> NpyReader.parse(replace(ok, "'<f4'", "'>f4'"), "n.npy")).getMessage());
    assertEquals("n.npy: unsupported dtype '<i4' (little-endian <f4 or <f8 only)",
        assertThrows(BadInputException.class, () -> NpyReader.parse(replace(ok, "'<f4'", "'<i4'"), "n.npy")).getMessage());
    assertEquals("n.npy: unsupported shape (1, 1, 2): 1-D or 2-D arrays only",
        assertThrows(BadInputException.class, () -> NpyReader.parse(replace(ok, "(2,)", "(1, 1, 2)"), "n.npy")).getMessage());
    byte[] v3 = ok.clone();
    v3[6] = 3;
    assertEquals("n.npy: unsupported .npy version 3.0 (1.0 or 2.0 only)",
        assertThrows(BadInputException.class, () -> NpyReader.parse(v3, "n.npy")).getMessage());
    byte[] nan = NpyWriter.bytes(1, true, new int[] {2}, new double[] {1, Double.NaN});
    assertEquals("n.npy: non-finite value NaN at flat index 1",
        assertThrows(BadInputException.class, () -> NpyReader.parse(nan, "n.npy")).getMessage());
  }

  @Test
  void missingFileIsBadInput(@TempDir Path dir) {
    assertEquals("audio/zz.npy: missing .npy file",
        assertThrows(BadInputException.class, () -> NpyReader.read(dir.resolve("zz.npy"), "audio/zz.npy")).getMessage());
  }

  /** Same-length textual replacement inside the header (keeps the header length valid). */
  private static byte[] replace(byte[] npy, String from, String to) {
    String s = new String(npy, StandardCharsets.ISO_8859_1);
    String padded = to + " ".repeat(from.length() - to.length() > 0 ? from.length() - to.length() : 0);
    String out = s.replace(from, padded);
    if (to.length() > from.length()) { // eat spaces of the header padding
      int extra = to.length() - from.length();
      int nl = out.indexOf('\n');
      out = out.substring(0, nl - extra) + out.substring(nl);
    }
    return out.getBytes(StandardCharsets.ISO_8859_1);
  }
}
