package io.mlecs.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.core.model.ParamStore;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The persisted tensor format: a golden file, a round trip and every corruption it must name. */
class TensorCodecTest {
  /** Hand-assembled bytes of {"lora.a": [[1, 2]], "x": [0.5]} in format version 1. */
  private static final String GOLDEN_WITHOUT_CRC = ""
      + "4d4c454353544e53" // magic "MLECSTNS"
      + "00000001" // version 1
      + "00000002" // two tensors
      + "00066c6f72612e61" // UTF "lora.a"
      + "01" // float32
      + "00000002" // rank 2
      + "0000000000000001" + "0000000000000002" // shape [1, 2]
      + "3f800000" + "40000000" // 1.0f, 2.0f
      + "000178" // UTF "x"
      + "01" + "00000001" + "0000000000000001" // float32, rank 1, shape [1]
      + "3f000000"; // 0.5f

  static ParamStore sample() {
    ParamStore p = new ParamStore();
    p.put("x", Nd4j.createFromArray(0.5f));
    p.put("lora.a", Nd4j.createFromArray(new float[][] {{1f, 2f}}));
    return p;
  }

  @Test
  void encodingMatchesTheGoldenBytes() {
    byte[] body = HexFormat.of().parseHex(GOLDEN_WITHOUT_CRC);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(body);
    String expected = GOLDEN_WITHOUT_CRC + String.format("%016x", crc.getValue());
    assertEquals(expected, HexFormat.of().formatHex(TensorCodec.encode(sample())));
  }

  @Test
  void roundTripIsExact() {
    ParamStore back = TensorCodec.decode(TensorCodec.encode(sample()), "mem");
    assertEquals(sample().names(), back.names());
    assertArrayEquals(new long[] {1, 2}, back.get("lora.a").shape());
    assertArrayEquals(new float[] {1f, 2f}, back.get("lora.a").dup('c').data().asFloat());
    assertEquals(0.5f, back.get("x").getFloat(0));
  }

  @Test
  void corruptionIsReportedWithTheSource() {
    byte[] good = TensorCodec.encode(sample());
    byte[] flipped = good.clone();
    flipped[30] ^= 1;
    assertMessage(flipped, "checksum mismatch");
    byte[] magic = good.clone();
    magic[0] = 'X';
    assertMessage(magic, "not a tensor file");
    byte[] version = good.clone();
    version[11] = 9;
    assertMessage(version, "unsupported tensor format version 9");
    assertMessage(java.util.Arrays.copyOf(good, 20), "too short");
  }

  private static void assertMessage(byte[] data, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TensorCodec.decode(data, "state/device-7.params"));
    assertTrue(e.getMessage().startsWith("state/device-7.params: ")
        && e.getMessage().contains(fragment), e.getMessage());
  }
}
