package io.mlecs.report.svg;

/**
 * One legend item.
 *
 * @param label the text
 * @param color the swatch colour
 * @param kind how the swatch is drawn
 */
record LegendEntry(String label, String color, Kind kind) {

  /** Swatch shapes. */
  enum Kind {
    /** A solid line. */
    LINE,
    /** A dashed line. */
    DASHED,
    /** A filled box (bars, bands). */
    BOX
  }
}
