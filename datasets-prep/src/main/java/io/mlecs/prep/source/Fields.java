package io.mlecs.prep.source;

import java.util.regex.Pattern;

/** Strict parsing of CSV fields; failures name the location, the column and the bad value. */
public final class Fields {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");

  private Fields() {}

  /** Splits on commas, trimming each field. Quotes are not part of these numeric formats. */
  public static String[] split(String line) {
    String[] parts = line.split(",", -1);
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].strip();
    }
    return parts;
  }

  /** A finite plain decimal number (no NaN, Infinity, hex or type suffixes). */
  public static double finite(String location, String column, String value) {
    if (!DECIMAL.matcher(value).matches()) {
      throw new BadInputException(location, "column " + column + " is not a finite number: '" + value + "'");
    }
    double v = Double.parseDouble(value);
    if (!Double.isFinite(v)) {
      throw new BadInputException(location, "column " + column + " is out of range: '" + value + "'");
    }
    return v;
  }

  /** A decimal integer. */
  public static int integer(String location, String column, String value) {
    if (!INTEGER.matcher(value).matches()) {
      throw new BadInputException(location, "column " + column + " is not an integer: '" + value + "'");
    }
    return Integer.parseInt(value);
  }
}
