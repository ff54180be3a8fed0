package io.mlecs.report.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One data row of a CSV file with typed, validated accessors whose errors name file, line and column. */
public final class CsvRow {

  private final Path file;
  private final int line;
  private final Map<String, Integer> columns;
  private final String[] fields;

  CsvRow(Path file, int line, Map<String, Integer> columns, String[] fields) {
    this.file = file;
    this.line = line;
    this.columns = columns;
    this.fields = fields;
  }

  /**
   * The 1-based line number in the file.
   *
   * @return the line
   */
  public int line() {
    return line;
  }

  /**
   * A non-empty text field.
   *
   * @param column the column name
   * @return the trimmed value
   * @throws ReportInputException when it is empty
   */
  public String text(String column) throws ReportInputException {
    String value = fields[columns.get(column)].strip();
    if (value.isEmpty()) {
      throw error(column, value, "empty value");
    }
    return value;
  }

  /**
   * An integer field.
   *
   * @param column the column name
   * @return the value
   * @throws ReportInputException when it is not an integer
   */
  public long integer(String column) throws ReportInputException {
    String value = text(column);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw error(column, value, "expected an integer");
    }
  }

  /**
   * A positive integer field that fits an int (rounds, device counts).
   *
   * @param column the column name
   * @return the value
   * @throws ReportInputException when it is not a positive integer
   */
  public int positiveInt(String column) throws ReportInputException {
    long v = integer(column);
    if (v < 1 || v > Integer.MAX_VALUE) {
      throw error(column, Long.toString(v), "expected a positive integer");
    }
    return (int) v;
  }

  /**
   * A numeric field; {@code nan}, {@code inf} and {@code -inf} (any case) are accepted.
   *
   * @param column the column name
   * @return the value
   * @throws ReportInputException when it is not a number
   */
  public double number(String column) throws ReportInputException {
    String value = text(column);
    switch (value.toLowerCase(Locale.ROOT)) {
      case "nan":
        return Double.NaN;
      case "inf":
      case "+inf":
      case "infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf":
      case "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw error(column, value, "expected a number");
    }
  }

  /**
   * A field restricted to a set of words.
   *
   * @param column the column name
   * @param allowed the allowed values
   * @return the value
   * @throws ReportInputException for any other value
   */
  public String oneOf(String column, Set<String> allowed) throws ReportInputException {
    String value = text(column);
    if (!allowed.contains(value)) {
      throw error(column, value, "expected one of " + new java.util.TreeSet<>(allowed));
    }
    return value;
  }

  /**
   * A device column: a non-negative integer id or the word {@code server}.
   *
   * @param column the column name
   * @return the device id, or {@link MetricPoint#SERVER} for the server
   * @throws ReportInputException for anything else
   */
  public int device(String column) throws ReportInputException {
    String value = text(column);
    if (value.equals("server")) {
      return MetricPoint.SERVER;
    }
    try {
      int id = Integer.parseInt(value);
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(column, value, "expected a device id (integer >= 0) or 'server'");
  }

  /**
   * Builds an error for this row.
   *
   * @param column the column
   * @param value the bad value
   * @param why the problem
   * @return the exception, naming file, line, column and value
   */
  public ReportInputException error(String column, String value, String why) {
    return new ReportInputException(file + " line " + line + ": column '" + column + "': " + why
        + ", got '" + value + "'");
  }
}
