package io.mlecs.report.svg;

/**
 * One line of a {@link LineChart}. NaN y values leave gaps.
 *
 * @param name the legend label
 * @param x the x values
 * @param y the y values, same length
 * @param color the stroke colour
 * @param width the stroke width
 * @param dashed whether the line is dashed
 * @param inLegend whether the series gets a legend entry
 */
public record Series(String name, double[] x, double[] y, String color, double width, boolean dashed, boolean inLegend) {

  /**
   * Validates the data.
   *
   * @throws IllegalArgumentException when x and y differ in length
   */
  public Series {
    if (x.length != y.length) {
      throw new IllegalArgumentException("y: " + y.length + " values for " + x.length + " x values in series " + name);
    }
  }

  /**
   * A solid series with a legend entry.
   *
   * @param name the label
   * @param x the x values
   * @param y the y values
   * @param color the colour
   * @return the series
   */
  public static Series solid(String name, double[] x, double[] y, String color) {
    return new Series(name, x, y, color, 2, false, true);
  }
}
