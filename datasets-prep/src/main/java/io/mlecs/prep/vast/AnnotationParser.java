package io.mlecs.prep.vast;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlecs.prep.source.BadInputException;
import io.mlecs.prep.source.BadRows;
import io.mlecs.prep.source.TextLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses VAST annotations: a JSON array of records (first non-blank character {@code [}) or JSON lines (one
 * object per line). Syntax errors name the line and column; inside an array they always stop the run (the rest
 * of the array cannot be located), in JSON lines a bad line is a bad row. Bad records (not an object, no or bad
 * {@code clip_id}, no {@code vast_cap}, wrong field types, duplicate clip id) are bad rows.
 */
public final class AnnotationParser {
  /** Reads one JSON line: anything after the object is an error. */
  private static final ObjectMapper LINE =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  /** Streams the records of an array one at a time. */
  private static final ObjectMapper STREAM =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final Pattern CLIP_ID = Pattern.compile("[^/\\\\\\x00-\\x1f]+");

  private AnnotationParser() {}

  public static List<VastAnnotation> parse(Path file, String relative, BadRows bad) {
    String text = decode(file, relative);
    String trimmed = text.stripLeading();
    List<VastAnnotation> out = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    if (trimmed.startsWith("[")) {
      parseArray(text, relative, bad, out, seen);
    } else if (trimmed.startsWith("{")) {
      for (TextLines.Line line : TextLines.read(file, relative)) {
        String location = relative + ":" + line.number();
        try {
          JsonNode node;
          try {
            node = LINE.readTree(line.text());
          } catch (JsonProcessingException e) {
            throw new BadInputException(location, "JSON syntax error: " + e.getOriginalMessage());
          }
          add(record(node, location), seen, out, bad);
        } catch (BadInputException e) {
          bad.report(e);
        }
      }
    } else {
      String start = trimmed.isEmpty() ? "end of file" : "'" + trimmed.substring(0, Math.min(20, trimmed.length())) + "'";
      throw new BadInputException(relative, "expected a JSON array of records or JSON lines, found " + start);
    }
    return out;
  }

  private static void parseArray(
      String text, String relative, BadRows bad, List<VastAnnotation> out, Map<String, String> seen) {
    try (JsonParser p = STREAM.getFactory().createParser(text)) {
      p.nextToken(); // START_ARRAY
      int index = 0;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t == null) {
          throw new BadInputException(relative, "JSON syntax error: unexpected end of file inside the array");
        }
        JsonLocation at = p.currentTokenLocation();
        String location = relative + " record #" + index + " (line " + at.getLineNr() + ")";
        JsonNode node = STREAM.readTree(p);
        index++;
        try {
          add(record(node, location), seen, out, bad);
        } catch (BadInputException e) {
          bad.report(e);
        }
      }
      if (p.nextToken() != null) {
        JsonLocation at = p.currentTokenLocation();
        throw new BadInputException(
            relative + ":" + at.getLineNr(), "JSON syntax error: content after the closing ']' at column " + at.getColumnNr());
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? relative : relative + ":" + at.getLineNr() + " column " + at.getColumnNr();
      throw new BadInputException(where, "JSON syntax error: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + relative, e);
    }
  }

  private static void add(VastAnnotation a, Map<String, String> seen, List<VastAnnotation> out, BadRows bad) {
    String first = seen.putIfAbsent(a.clipId(), a.location());
    if (first != null) {
      bad.report(a.location(), "duplicate clip_id '" + a.clipId() + "' (first at " + first + ")");
      return;
    }
    out.add(a);
  }

  static VastAnnotation record(JsonNode node, String location) {
    if (node == null || !node.isObject()) {
      throw new BadInputException(location, "record must be a JSON object, got " + (node == null ? "nothing" : node.getNodeType()));
    }
    JsonNode id = node.get("clip_id");
    if (id == null || !id.isTextual()) {
      throw new BadInputException(location, "field clip_id must be a string, got " + (id == null ? "nothing" : id));
    }
    String clipId = id.asText();
    if (!CLIP_ID.matcher(clipId).matches() || clipId.equals(".") || clipId.equals("..") || !clipId.equals(clipId.strip())) {
      throw new BadInputException(location, "clip_id is not usable as a file name: '" + clipId + "'");
    }
    String cap = CaptionField.first(node, "vast_cap", location);
    if (cap == null) {
      throw new BadInputException(location, "clip '" + clipId + "' has no vast_cap (the target caption)");
    }
    CaptionField.first(node, "vision_cap", location);
    CaptionField.first(node, "audio_cap", location);
    String subtitle = CaptionField.joined(node, "subtitle", location);
    return new VastAnnotation(clipId, cap, subtitle, location);
  }

  private static String decode(Path file, String relative) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      throw new BadInputException(relative, "not valid UTF-8 text (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + relative, e);
    }
  }
}
