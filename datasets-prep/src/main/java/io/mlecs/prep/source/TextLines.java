package io.mlecs.prep.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a text file strictly as UTF-8 into numbered lines: a leading BOM and {@code \r} line ends are
 * removed, a last line without trailing newline is kept, blank lines are dropped (their numbers are not
 * reused, so messages name the real line).
 */
public final class TextLines {
  /** One non-blank line and its 1-based number. */
  public record Line(int number, String text) {}

  private TextLines() {}

  public static List<Line> read(Path file, String relative) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    List<Line> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
      int number = 0;
      for (String s; (s = in.readLine()) != null; ) {
        number++;
        if (number == 1 && !s.isEmpty() && s.charAt(0) == '\uFEFF') {
          s = s.substring(1);
        }
        if (!s.isBlank()) {
          lines.add(new Line(number, s.strip()));
        }
      }
    } catch (CharacterCodingException e) {
      throw new BadInputException(relative, "not valid UTF-8 text (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + relative, e);
    }
    return lines;
  }
}
