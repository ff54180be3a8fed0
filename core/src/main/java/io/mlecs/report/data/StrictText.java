package io.mlecs.report.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a whole file as strict UTF-8, reporting the line of the first invalid byte. */
final class StrictText {

  private StrictText() {}

  /**
   * Reads a file.
   *
   * @param file the file
   * @return its text, without a leading byte-order mark
   * @throws ReportInputException when the file is missing, unreadable or not UTF-8
   */
  static String read(Path file) throws ReportInputException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ReportInputException(file + ": file not found");
    } catch (IOException e) {
      throw new ReportInputException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int bad = in.position();
      int line = 1;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new ReportInputException(file + " line " + line + ": not valid UTF-8 (byte 0x"
          + String.format("%02X", bytes[bad] & 0xff) + ")");
    }
    String text = out.flip().toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
