package io.mlecs.prep.vast;

import io.mlecs.prep.source.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small strict reader of NumPy {@code .npy} files, format versions 1.0 and 2.0: little-endian float32
 * ({@code <f4}) or float64 ({@code <f8}), 1-D {@code (n,)} or 2-D {@code (rows, cols)}, C or Fortran order. A
 * 2-D array is reduced to the mean over its rows (e.g. per-frame features to one clip vector), computed in
 * double. Rejected, with a message naming the file: a bad magic string, another version, another dtype or
 * byte order, other ranks, empty arrays, fewer data bytes than the header promises (truncation), bytes after
 * the data, non-finite values.
 */
public final class NpyReader {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private NpyReader() {}

  /** Reads {@code file}; {@code name} is how messages call it. */
  public static NpyArray read(Path file, String name) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(name, "missing .npy file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    return parse(bytes, name);
  }

  /** Decodes the bytes of a {@code .npy} file. */
  public static NpyArray parse(byte[] bytes, String name) {
    if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
      throw new BadInputException(name, "not a .npy file (bad magic string, " + bytes.length + " bytes)");
    }
    int major = bytes[6] & 0xff;
    int minor = bytes[7] & 0xff;
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long headerLen;
    int headerStart;
    if (major == 1 && minor == 0) {
      headerLen = buf.getShort(8) & 0xffff;
      headerStart = 10;
    } else if (major == 2 && minor == 0) {
      if (bytes.length < 12) {
        throw new BadInputException(name, "truncated .npy header (" + bytes.length + " bytes)");
      }
      headerLen = buf.getInt(8) & 0xffffffffL;
      headerStart = 12;
    } else {
      throw new BadInputException(name, "unsupported .npy version " + major + "." + minor + " (1.0 or 2.0 only)");
    }
    if (headerStart + headerLen > bytes.length) {
      throw new BadInputException(
          name, "truncated .npy header: needs " + headerLen + " bytes, file has " + (bytes.length - headerStart));
    }
    String header = new String(bytes, headerStart, (int) headerLen, StandardCharsets.ISO_8859_1);
    String descr = group(DESCR, header, "descr", name);
    int itemSize;
    if (descr.equals("<f4")) {
      itemSize = 4;
    } else if (descr.equals("<f8")) {
      itemSize = 8;
    } else {
      throw new BadInputException(name, "unsupported dtype '" + descr + "' (little-endian <f4 or <f8 only)");
    }
    boolean fortran = group(FORTRAN, header, "fortran_order", name).equals("True");
    int[] shape = shape(group(SHAPE, header, "shape", name), name);
    long count = 1;
    for (int d : shape) {
      count *= d;
    }
    int dataStart = headerStart + (int) headerLen;
    long expected = count * itemSize;
    long actual = bytes.length - (long) dataStart;
    if (actual < expected) {
      throw new BadInputException(
          name, "truncated .npy data: shape " + Arrays.toString(shape) + " needs " + expected + " bytes, found " + actual);
    }
    if (actual > expected) {
      throw new BadInputException(
          name, (actual - expected) + " unexpected bytes after the data of shape " + Arrays.toString(shape));
    }
    double[] values = new double[(int) count];
    for (int i = 0; i < values.length; i++) {
      int at = dataStart + i * itemSize;
      values[i] = itemSize == 4 ? buf.getFloat(at) : buf.getDouble(at);
      if (!Double.isFinite(values[i])) {
        throw new BadInputException(name, "non-finite value " + values[i] + " at flat index " + i);
      }
    }
    return new NpyArray(shape, shape.length == 1 ? toFloat(values) : rowMean(values, shape, fortran));
  }

  private static float[] rowMean(double[] values, int[] shape, boolean fortran) {
    int rows = shape[0];
    int cols = shape[1];
    double[] sum = new double[cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        sum[c] += values[fortran ? c * rows + r : r * cols + c];
      }
    }
    float[] out = new float[cols];
    for (int c = 0; c < cols; c++) {
      out[c] = (float) (sum[c] / rows);
    }
    return out;
  }

  private static float[] toFloat(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }

  private static String group(Pattern p, String header, String key, String name) {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new BadInputException(name, "header has no valid '" + key + "': '" + header.strip() + "'");
    }
    return m.group(1);
  }

  private static int[] shape(String tuple, String name) {
    String[] parts = tuple.split(",");
    int n = 0;
    int[] dims = new int[parts.length];
    for (String p : parts) {
      String s = p.strip();
      if (s.isEmpty()) {
        continue;
      }
      try {
        dims[n++] = Integer.parseInt(s);
      } catch (NumberFormatException e) {
        throw new BadInputException(name, "bad shape entry '" + s + "' in (" + tuple + ")");
      }
    }
    if (n < 1 || n > 2) {
      throw new BadInputException(name, "unsupported shape (" + tuple + "): 1-D or 2-D arrays only");
    }
    int[] shape = Arrays.copyOf(dims, n);
    for (int d : shape) {
      if (d <= 0) {
        throw new BadInputException(name, "empty array of shape (" + tuple + ")");
      }
    }
    if ((long) shape[0] * (n == 2 ? shape[1] : 1) > Integer.MAX_VALUE / 8) {
      throw new BadInputException(name, "array of shape (" + tuple + ") is too large");
    }
    return shape;
  }
}
