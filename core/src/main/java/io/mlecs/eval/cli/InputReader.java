package io.mlecs.eval.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the examples of one input file with a strict UTF-8 decoder. Lines end with {@code \n}
 * (a preceding {@code \r} is dropped); a final line break does not start another example; a leading
 * byte-order mark is ignored.
 */
final class InputReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private InputReader() {}

  /**
   * Reads the example texts of a file.
   *
   * @param file the file
   * @param role the option that named it ({@code --predictions} or {@code --references}), for messages
   * @param format the layout
   * @param field the JSONL field
   * @return one text per example
   * @throws CliException when the file is missing, empty, not UTF-8 or malformed, naming file and line
   */
  static List<String> read(Path file, String role, InputFormat format, String field) throws CliException {
    List<String> lines = decodeLines(file, role);
    if (lines.isEmpty()) {
      throw new CliException(role + " " + file + ": file is empty (no examples)");
    }
    if (format == InputFormat.LINES) {
      return lines;
    }
    List<String> texts = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      texts.add(fieldOf(lines.get(i), file, role, i + 1, field));
    }
    return texts;
  }

  private static List<String> decodeLines(Path file, String role) throws CliException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CliException(role + " " + file + ": no such file");
    } catch (IOException e) {
      throw new CliException(role + " " + file + ": cannot read (" + e.getMessage() + ")");
    }
    int start = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      start = 3;
    }
    List<String> lines = new ArrayList<>();
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    int lineStart = start;
    int lineNumber = 0;
    for (int i = start; i <= bytes.length; i++) {
      boolean atEnd = i == bytes.length;
      if (!atEnd && bytes[i] != '\n') {
        continue;
      }
      if (atEnd && i == lineStart) {
        break; // nothing after the final line break
      }
      int end = i;
      lineNumber++;
      final int currentLine = lineNumber;
      if (end > lineStart && bytes[end - 1] == '\r') {
        end--;
      }
      lines.add(decodeLine(decoder, bytes, lineStart, end, () -> role + " " + file + " line " + currentLine));
      lineStart = i + 1;
    }
    return lines;
  }

  /** Decodes one line strictly; the error names the first rejected byte and its 1-based column. */
  private static String decodeLine(CharsetDecoder decoder, byte[] bytes, int from, int to, Supplier<String> where)
      throws CliException {
    ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
    CharBuffer out = CharBuffer.allocate(to - from);
    decoder.reset();
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int bad = in.position();
      throw new CliException(where.get() + ": not valid UTF-8 (byte 0x"
          + String.format("%02X", bytes[bad] & 0xff) + " at byte column " + (bad - from + 1) + ")");
    }
    return out.flip().toString();
  }

  private static String fieldOf(String line, Path file, String role, int lineNumber, String field)
      throws CliException {
    String where = role + " " + file + " line " + lineNumber;
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new CliException(where + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (node == null || !node.isObject()) {
      throw new CliException(where + ": expected a JSON object");
    }
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new CliException(where + ": field '" + field + "' is missing");
    }
    if (!value.isValueNode()) {
      throw new CliException(where + ": field '" + field + "' is not a string or number");
    }
    return value.asText();
  }
}
