package io.mlecs.report.html;

/**
 * One table cell.
 *
 * @param text the text
 * @param colspan the number of columns it spans (1 for a normal cell)
 * @param rowspan the number of rows it spans (1 for a normal cell)
 * @param numeric whether it is right-aligned as a number
 * @param strong whether it is emphasised (e.g. the best value of a column)
 */
public record Cell(String text, int colspan, int rowspan, boolean numeric, boolean strong) {

  /**
   * A text cell.
   *
   * @param text the text
   * @return the cell
   */
  public static Cell text(String text) {
    return new Cell(text, 1, 1, false, false);
  }

  /**
   * A right-aligned numeric cell.
   *
   * @param text the formatted number
   * @return the cell
   */
  public static Cell number(String text) {
    return new Cell(text, 1, 1, true, false);
  }

  /**
   * A copy that is emphasised or not.
   *
   * @param on whether to emphasise
   * @return the cell
   */
  public Cell strong(boolean on) {
    return new Cell(text, colspan, rowspan, numeric, on);
  }

  /**
   * A header cell spanning several columns.
   *
   * @param text the text
   * @param columns the span
   * @return the cell
   */
  public static Cell span(String text, int columns) {
    return new Cell(text, columns, 1, false, false);
  }

  /**
   * A header cell spanning several rows.
   *
   * @param text the text
   * @param rows the span
   * @return the cell
   */
  public static Cell tall(String text, int rows) {
    return new Cell(text, 1, rows, false, false);
  }
}
