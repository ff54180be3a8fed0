package io.mlecs.prep.sample;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes NumPy {@code .npy} bytes: version 1.0 or 2.0, little-endian float32 or float64, 1-D or 2-D, C order. */
public final class NpyWriter {
  private NpyWriter() {}

  /**
   * @param version 1 or 2
   * @param float64 write {@code <f8} instead of {@code <f4}
   * @param shape 1 or 2 dimensions whose product is {@code data.length}
   */
  public static byte[] bytes(int version, boolean float64, int[] shape, double[] data) {
    if (version != 1 && version != 2) {
      throw new IllegalArgumentException("npy version must be 1 or 2, got " + version);
    }
    long count = 1;
    StringBuilder dims = new StringBuilder();
    for (int d : shape) {
      count *= d;
      dims.append(d).append(", ");
    }
    if (shape.length < 1 || shape.length > 2 || count != data.length) {
      throw new IllegalArgumentException("shape does not match " + data.length + " values");
    }
    String tuple = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + shape[0] + ", " + shape[1] + ")";
    String dict = "{'descr': '" + (float64 ? "<f8" : "<f4") + "', 'fortran_order': False, 'shape': " + tuple + ", }";
    int prefix = version == 1 ? 10 : 12;
    int total = prefix + dict.length() + 1;
    int pad = (64 - total % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
    ByteBuffer len = ByteBuffer.allocate(version == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
    if (version == 1) {
      len.putShort((short) header.length());
    } else {
      len.putInt(header.length());
    }
    out.writeBytes(len.array());
    out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
    ByteBuffer body = ByteBuffer.allocate(data.length * (float64 ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : data) {
      if (float64) {
        body.putDouble(v);
      } else {
        body.putFloat((float) v);
      }
    }
    out.writeBytes(body.array());
    return out.toByteArray();
  }
}
