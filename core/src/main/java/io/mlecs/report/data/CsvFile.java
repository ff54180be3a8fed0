package io.mlecs.report.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict CSV reader: comma-separated, RFC 4180 double quotes, {@code \n} or {@code \r\n}
 * line ends, blank lines skipped, a header naming at least the required columns.
 */
public final class CsvFile {

  private CsvFile() {}

  /**
   * Reads a CSV file.
   *
   * @param file the file
   * @param required the columns the header must contain
   * @return the data rows
   * @throws ReportInputException when the file is missing, not UTF-8, lacks a column or has a row
   *     with the wrong number of fields
   */
  public static List<CsvRow> read(Path file, List<String> required) throws ReportInputException {
    String text = StrictText.read(file);
    String[] lines = text.split("\n", -1);
    int headerIndex = -1;
    for (int i = 0; i < lines.length; i++) {
      if (!stripCr(lines[i]).isBlank()) {
        headerIndex = i;
        break;
      }
    }
    if (headerIndex < 0) {
      throw new ReportInputException(file + " line 1: file is empty, expected the header "
          + String.join(",", required));
    }
    String[] header = split(stripCr(lines[headerIndex]), file, headerIndex + 1);
    Map<String, Integer> columns = new HashMap<>();
    for (int c = 0; c < header.length; c++) {
      columns.put(header[c].strip(), c);
    }
    for (String column : required) {
      if (!columns.containsKey(column)) {
        throw new ReportInputException(file + " line " + (headerIndex + 1) + ": missing column '" + column
            + "' in header '" + stripCr(lines[headerIndex]) + "', expected " + String.join(",", required));
      }
    }
    List<CsvRow> rows = new ArrayList<>();
    for (int i = headerIndex + 1; i < lines.length; i++) {
      String line = stripCr(lines[i]);
      if (line.isBlank()) {
        continue;
      }
      String[] fields = split(line, file, i + 1);
      if (fields.length != header.length) {
        throw new ReportInputException(file + " line " + (i + 1) + ": expected " + header.length
            + " fields like the header, got " + fields.length + " in '" + line + "'");
      }
      rows.add(new CsvRow(file, i + 1, columns, fields));
    }
    return rows;
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  /** Splits one line, honouring double quotes ("" inside quotes is a literal quote). */
  static String[] split(String line, Path file, int lineNumber) throws ReportInputException {
    List<String> fields = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            current.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          current.append(c);
        }
      } else if (c == '"' && current.toString().isBlank() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
        current.setLength(0);
      } else if (c == ',') {
        fields.add(current.toString());
        current.setLength(0);
        wasQuoted = false;
      } else if (wasQuoted && !Character.isWhitespace(c)) {
        throw new ReportInputException(file + " line " + lineNumber + ": text after a closing quote in '" + line + "'");
      } else {
        current.append(c);
      }
    }
    if (quoted) {
      throw new ReportInputException(file + " line " + lineNumber + ": unterminated quote in '" + line + "'");
    }
    fields.add(current.toString());
    return fields.toArray(new String[0]);
  }
}
