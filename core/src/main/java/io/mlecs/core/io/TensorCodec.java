package io.mlecs.core.io;

import io.mlecs.core.model.ParamStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The persisted form of named float tensors (LoRA adapters, device state, checkpoints): an
 * explicit, versioned binary format, never Java serialization. Big-endian:
 *
 * <pre>
 *   8 bytes  magic "MLECSTNS"
 *   int      format version (1)
 *   int      tensor count n
 *   n times: UTF name (DataOutput.writeUTF), byte dtype (1 = float32), int rank,
 *            rank x long shape, product(shape) x float32 values (row-major)
 *   long     CRC32 of every preceding byte
 * </pre>
 *
 * Tensors are written in name order, so equal stores give equal bytes.
 */
public final class TensorCodec {
  public static final int VERSION = 1;
  private static final byte[] MAGIC = "MLECSTNS".getBytes(StandardCharsets.US_ASCII);
  private static final byte FLOAT32 = 1;

  private TensorCodec() {}

  public static byte[] encode(ParamStore store) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.write(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(store.size());
      for (Map.Entry<String, INDArray> e : store.asMap().entrySet()) {
        INDArray a = e.getValue().castTo(DataType.FLOAT).dup('c');
        out.writeUTF(e.getKey());
        out.writeByte(FLOAT32);
        long[] shape = a.shape();
        out.writeInt(shape.length);
        for (long s : shape) {
          out.writeLong(s);
        }
        // values in one bulk big-endian copy (what writeFloat per value writes, ~20x faster)
        float[] values = a.data().asFloat();
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(values.length * 4);
        buf.asFloatBuffer().put(values);
        out.write(buf.array());
      }
      out.flush();
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      out.writeLong(crc.getValue());
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Decodes bytes written by {@link #encode}; {@code source} names the file in every error
   * (bad magic, unsupported version or dtype, truncation, checksum mismatch).
   */
  public static ParamStore decode(byte[] data, String source) {
    if (data.length < MAGIC.length + 16) {
      throw new IllegalArgumentException(source + ": " + data.length
          + " bytes is too short for a tensor file");
    }
    CRC32 crc = new CRC32();
    crc.update(data, 0, data.length - 8);
    long stored = java.nio.ByteBuffer.wrap(data, data.length - 8, 8).getLong();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IllegalArgumentException(source + ": not a tensor file (bad magic "
            + new String(magic, StandardCharsets.ISO_8859_1) + ")");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IllegalArgumentException(source + ": unsupported tensor format version "
            + version + " (this build reads " + VERSION + ")");
      }
      if (stored != crc.getValue()) {
        throw new IllegalArgumentException(source + ": checksum mismatch (file is corrupt or "
            + "truncated)");
      }
      int n = in.readInt();
      ParamStore out = new ParamStore();
      for (int t = 0; t < n; t++) {
        String name = in.readUTF();
        byte dtype = in.readByte();
        if (dtype != FLOAT32) {
          throw new IllegalArgumentException(source + ": tensor '" + name
              + "' has unsupported dtype code " + dtype);
        }
        int rank = in.readInt();
        if (rank < 0 || rank > 8) {
          throw new IllegalArgumentException(source + ": tensor '" + name + "' has rank " + rank);
        }
        long[] shape = new long[rank];
        long count = 1;
        for (int i = 0; i < rank; i++) {
          shape[i] = in.readLong();
          count *= shape[i];
        }
        if (count < 0 || count > (data.length / 4)) {
          throw new IllegalArgumentException(source + ": tensor '" + name + "' claims "
              + count + " values, more than the file holds");
        }
        byte[] raw = new byte[Math.toIntExact(count * 4)];
        in.readFully(raw);
        float[] v = new float[(int) count];
        java.nio.ByteBuffer.wrap(raw).asFloatBuffer().get(v);
        out.put(name, Nd4j.create(v, shape, 'c'));
      }
      return out;
    } catch (EOFException e) {
      throw new IllegalArgumentException(source + ": truncated tensor file", e);
    } catch (IOException e) {
      throw new UncheckedIOException(source, e);
    }
  }
}
