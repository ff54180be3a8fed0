package io.mlecs.report.html;

import io.mlecs.report.xml.Markup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A table with an id, a caption, header rows ({@code thead}) and body rows ({@code tbody}). */
public final class HtmlTable {

  private final String id;
  private final String caption;
  private final List<List<Cell>> head = new ArrayList<>();
  private final List<List<Cell>> body = new ArrayList<>();

  /**
   * Creates an empty table.
   *
   * @param id the element id
   * @param caption the caption
   */
  public HtmlTable(String id, String caption) {
    this.id = id;
    this.caption = caption;
  }

  /**
   * Adds a header row of plain labels.
   *
   * @param labels the column labels
   * @return this
   */
  public HtmlTable header(String... labels) {
    head.add(Arrays.stream(labels).map(Cell::text).toList());
    return this;
  }

  /**
   * Adds a header row of cells (for spans).
   *
   * @param cells the cells
   * @return this
   */
  public HtmlTable headerCells(List<Cell> cells) {
    head.add(List.copyOf(cells));
    return this;
  }

  /**
   * Adds a body row.
   *
   * @param cells the cells
   * @return this
   */
  public HtmlTable row(List<Cell> cells) {
    body.add(List.copyOf(cells));
    return this;
  }

  /**
   * Adds a body row of text cells.
   *
   * @param texts the cell texts
   * @return this
   */
  public HtmlTable row(String... texts) {
    return row(Arrays.stream(texts).map(Cell::text).toList());
  }

  /**
   * The number of body rows.
   *
   * @return the count
   */
  public int rowCount() {
    return body.size();
  }

  /**
   * Writes the table.
   *
   * @param out the markup to append to
   */
  public void writeTo(Markup out) {
    out.open("div", "class", "table-wrap");
    out.open("table", "id", id);
    out.element("caption", caption);
    out.open("thead");
    for (List<Cell> r : head) {
      writeRow(out, r, "th");
    }
    out.close();
    out.open("tbody");
    for (List<Cell> r : body) {
      writeRow(out, r, "td");
    }
    out.close();
    out.close();
    out.close();
    out.newline();
  }

  private static void writeRow(Markup out, List<Cell> cells, String tag) {
    out.open("tr");
    for (Cell c : cells) {
      String cls = c.numeric() ? "num" : null;
      out.open(tag, "class", cls, "colspan", c.colspan() > 1 ? Integer.toString(c.colspan()) : null,
          "rowspan", c.rowspan() > 1 ? Integer.toString(c.rowspan()) : null);
      if (c.strong()) {
        out.element("strong", c.text());
      } else {
        out.text(c.text());
      }
      out.close();
    }
    out.close();
  }
}
