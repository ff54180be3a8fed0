package io.mlecs.report.xml;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds XML text (XHTML and inline SVG) that a strict XML parser accepts: every element is closed,
 * attribute values are quoted and text is escaped. Attributes are given as name/value pairs; a null
 * value omits the attribute. Not thread-safe.
 */
public final class Markup {

  private final StringBuilder out = new StringBuilder(4096);
  private final Deque<String> open = new ArrayDeque<>();

  /**
   * Escapes text for element content and attribute values.
   *
   * @param text the text
   * @return the escaped text; characters not allowed in XML 1.0 are dropped
   */
  public static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            if (c != 0xFFFE && c != 0xFFFF) {
              sb.append(c);
            }
          }
        }
      }
    }
    return sb.toString();
  }

  private void tag(String name, String[] attributes, boolean selfClose) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes: expected name/value pairs for <" + name + ">, got "
          + attributes.length + " strings");
    }
    out.append('<').append(name);
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
      }
    }
    out.append(selfClose ? "/>" : ">");
  }

  /**
   * Opens an element.
   *
   * @param name the element name
   * @param attributes name/value pairs
   * @return this
   */
  public Markup open(String name, String... attributes) {
    tag(name, attributes, false);
    open.push(name);
    return this;
  }

  /**
   * Closes the innermost open element.
   *
   * @return this
   * @throws IllegalStateException when nothing is open
   */
  public Markup close() {
    if (open.isEmpty()) {
      throw new IllegalStateException("no open element to close");
    }
    out.append("</").append(open.pop()).append('>');
    return this;
  }

  /**
   * Writes an empty element, {@code <name .../>}.
   *
   * @param name the element name
   * @param attributes name/value pairs
   * @return this
   */
  public Markup empty(String name, String... attributes) {
    tag(name, attributes, true);
    return this;
  }

  /**
   * Writes an element holding only text.
   *
   * @param name the element name
   * @param text the text (escaped)
   * @param attributes name/value pairs
   * @return this
   */
  public Markup element(String name, String text, String... attributes) {
    tag(name, attributes, false);
    out.append(escape(text)).append("</").append(name).append('>');
    return this;
  }

  /**
   * Writes escaped text.
   *
   * @param text the text
   * @return this
   */
  public Markup text(String text) {
    out.append(escape(text));
    return this;
  }

  /**
   * Writes markup produced by another well-formed {@link Markup} (e.g. an SVG figure).
   *
   * @param markup the fragment
   * @return this
   */
  public Markup fragment(String markup) {
    out.append(markup);
    return this;
  }

  /**
   * Writes a newline (readability of the output only).
   *
   * @return this
   */
  public Markup newline() {
    out.append('\n');
    return this;
  }

  /**
   * The text so far.
   *
   * @return the markup
   * @throws IllegalStateException when elements are still open
   */
  public String build() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed elements: " + open);
    }
    return out.toString();
  }
}
