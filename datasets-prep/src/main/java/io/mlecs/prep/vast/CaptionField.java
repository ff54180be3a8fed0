package io.mlecs.prep.vast;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlecs.prep.source.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * VAST caption fields are a string or a list of strings. {@link #first} (used for {@code vast_cap}, the target,
 * and for {@code vision_cap} / {@code audio_cap}) takes the first non-blank entry of a list; {@link #joined}
 * (used for {@code subtitle}) joins the non-blank entries with one space, in order. Absent, {@code null}, blank
 * or empty values read as absent; any other JSON type is bad input.
 */
public final class CaptionField {
  private CaptionField() {}

  /** The string, or the first non-blank list entry, stripped; null when absent. */
  public static String first(JsonNode record, String field, String location) {
    List<String> values = values(record, field, location);
    return values.isEmpty() ? null : values.get(0);
  }

  /** The string, or the non-blank list entries joined by one space; null when absent. */
  public static String joined(JsonNode record, String field, String location) {
    List<String> values = values(record, field, location);
    return values.isEmpty() ? null : String.join(" ", values);
  }

  private static List<String> values(JsonNode record, String field, String location) {
    JsonNode node = record.get(field);
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node.isTextual()) {
      add(out, node.asText());
      return out;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        if (!item.isTextual()) {
          throw new BadInputException(
              location, "field " + field + "[" + i + "] must be a string, got " + item.getNodeType() + ": " + item);
        }
        add(out, item.asText());
      }
      return out;
    }
    throw new BadInputException(
        location, "field " + field + " must be a string or a list of strings, got " + node.getNodeType() + ": " + node);
  }

  private static void add(List<String> out, String s) {
    String t = s.strip();
    if (!t.isEmpty()) {
      out.add(t);
    }
  }
}
