package io.mlecs.core.util;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * An output stream that passes text through line by line and drops the lines that start with a given
 * prefix. SameDiff 1.0.0-M2.1 prints "Added differentiated op NAME" to {@code System.out} for every op
 * each time it builds a gradient function (hundreds of lines per device-round); {@link #samediffQuiet}
 * wraps a stream so that those lines disappear and everything else is kept, in order. Thread-safe.
 */
public final class DropLinesStream extends OutputStream {
  /** The line SameDiff prints per differentiated op. */
  public static final String SAMEDIFF_OP_LINE = "Added differentiated op ";

  private final OutputStream target;
  private final byte[] prefix;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  public DropLinesStream(OutputStream target, String prefix) {
    this.target = target;
    this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code target} without SameDiff's per-op lines, autoflushing, UTF-8. */
  public static PrintStream samediffQuiet(OutputStream target) {
    return new QuietPrintStream(target);
  }

  /**
   * Replaces {@code System.out} by {@link #samediffQuiet} of it unless it already is such a stream (a
   * Spark executor calls this from every task, and the launcher's {@code System.out} is one already).
   */
  public static synchronized void quietSystemOut() {
    if (!(System.out instanceof QuietPrintStream)) {
      System.setOut(new QuietPrintStream(System.out));
    }
  }

  @Override
  public synchronized void write(int b) throws IOException {
    line.write(b);
    if (b == '\n') {
      emit();
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    int start = off;
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        line.write(b, start, i + 1 - start);
        emit();
        start = i + 1;
      }
    }
    line.write(b, start, off + len - start);
  }

  /**
   * Writes out a pending partial line unless it may still become a dropped line (it is a prefix of the
   * prefix, or starts with it); then flushes the target.
   */
  @Override
  public synchronized void flush() throws IOException {
    if (line.size() > 0 && !mayBeDropped()) {
      line.writeTo(target);
      line.reset();
    }
    target.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    if (line.size() > 0 && !startsWithPrefix()) {
      line.writeTo(target);
    }
    line.reset();
    target.close();
  }

  private void emit() throws IOException {
    if (!startsWithPrefix()) {
      line.writeTo(target);
    }
    line.reset();
  }

  private boolean startsWithPrefix() {
    byte[] l = line.toByteArray();
    if (l.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (l[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private boolean mayBeDropped() {
    byte[] l = line.toByteArray();
    int n = Math.min(l.length, prefix.length);
    for (int i = 0; i < n; i++) {
      if (l[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The type of every stream {@link #samediffQuiet} returns, so that none is wrapped twice. */
  private static final class QuietPrintStream extends PrintStream {
    QuietPrintStream(OutputStream target) {
      super(new DropLinesStream(target, SAMEDIFF_OP_LINE), true, StandardCharsets.UTF_8);
    }
  }
}
