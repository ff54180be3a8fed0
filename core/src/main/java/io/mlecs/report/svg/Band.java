package io.mlecs.report.svg;

/**
 * A shaded range between two curves of a {@link LineChart} (e.g. min-max over many devices).
 *
 * @param name the legend label
 * @param x the x values
 * @param lo the lower curve
 * @param hi the upper curve
 * @param color the fill colour
 */
public record Band(String name, double[] x, double[] lo, double[] hi, String color) {

  /**
   * Validates the data.
   *
   * @throws IllegalArgumentException when the arrays differ in length
   */
  public Band {
    if (x.length != lo.length || x.length != hi.length) {
      throw new IllegalArgumentException("lo/hi: lengths " + lo.length + "/" + hi.length + " differ from x length "
          + x.length + " in band " + name);
    }
  }
}
