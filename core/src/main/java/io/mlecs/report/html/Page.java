package io.mlecs.report.html;

import io.mlecs.report.xml.Markup;

/**
 * The document skeleton: XHTML root, inline stylesheet, title, headline, sections, footer. Open a
 * section with {@link #section}, write into {@link #body()}, then {@link #endSection()}.
 */
public final class Page {

  private static final String CSS = String.join("\n",
      "body { font-family: Helvetica, Arial, sans-serif; color: #222; margin: 24px auto; max-width: 1120px;",
      "  padding: 0 16px; line-height: 1.4; }",
      "h1 { font-size: 24px; margin-bottom: 4px; } h2 { font-size: 19px; margin-top: 32px;",
      "  border-bottom: 2px solid #4e79a7; padding-bottom: 4px; } h3 { font-size: 15px; }",
      "p.meta { color: #555; margin-top: 0; } p.note { color: #555; font-size: 13px; }",
      "figure { margin: 16px 0; display: inline-block; vertical-align: top; }",
      "figcaption { font-size: 13px; color: #555; max-width: 760px; }",
      "svg.chart { border: 1px solid #ddd; border-radius: 4px; background: #fff; }",
      ".table-wrap { overflow-x: auto; margin: 12px 0; }",
      "table { border-collapse: collapse; font-size: 13px; }",
      "caption { text-align: left; font-weight: bold; padding: 6px 0; }",
      "th, td { border: 1px solid #d5d9de; padding: 4px 8px; }",
      "thead th { background: #eef2f6; } tbody tr:nth-child(even) { background: #f8f9fb; }",
      "td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }",
      "footer { margin-top: 40px; color: #777; font-size: 12px; border-top: 1px solid #ddd; padding-top: 8px; }");

  private final Markup m = new Markup();

  /**
   * Starts a document.
   *
   * @param title the document title and headline
   * @param meta a one-line description under the headline
   */
  public Page(String title, String meta) {
    m.fragment("<!DOCTYPE html>\n");
    m.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en").newline();
    m.open("head");
    m.empty("meta", "charset", "utf-8");
    m.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
    m.element("title", title);
    m.element("style", CSS);
    m.close().newline();
    m.open("body").newline();
    m.element("h1", title);
    m.element("p", meta, "class", "meta").newline();
  }

  /**
   * The markup to write section content into.
   *
   * @return the document body markup
   */
  public Markup body() {
    return m;
  }

  /**
   * Opens a section with a heading.
   *
   * @param id the section id
   * @param heading the heading text
   * @return this
   */
  public Page section(String id, String heading) {
    m.open("section", "id", id).newline();
    m.element("h2", heading).newline();
    return this;
  }

  /**
   * Closes the current section.
   *
   * @return this
   */
  public Page endSection() {
    m.close().newline();
    return this;
  }

  /**
   * Adds a figure holding an SVG chart.
   *
   * @param svg the chart markup
   * @param caption the caption
   * @return this
   */
  public Page figure(String svg, String caption) {
    m.open("figure").fragment(svg).element("figcaption", caption).close().newline();
    return this;
  }

  /**
   * Adds a note paragraph.
   *
   * @param text the text
   * @return this
   */
  public Page note(String text) {
    m.element("p", text, "class", "note").newline();
    return this;
  }

  /**
   * Finishes the document.
   *
   * @param footer the footer text
   * @return the XHTML document
   */
  public String finish(String footer) {
    m.element("footer", footer).newline();
    m.close().newline();
    m.close().newline();
    return m.build();
  }
}
