package io.mlecs.report.svg;

import io.mlecs.report.xml.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * A grouped bar chart: one group per category along x, one bar per series inside each group, with
 * optional symmetric error bars. NaN values draw no bar.
 */
public final class BarChart {

  private final String id;
  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<String> categories;
  private final List<String> seriesNames = new ArrayList<>();
  private final List<double[]> values = new ArrayList<>();
  private final List<double[]> errors = new ArrayList<>();
  private String emptyMessage = "no data";

  /**
   * Creates an empty chart.
   *
   * @param id the SVG element id
   * @param title the title
   * @param xLabel the x axis title
   * @param yLabel the y axis title
   * @param categories the group labels along x
   */
  public BarChart(String id, String title, String xLabel, String yLabel, List<String> categories) {
    this.id = id;
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.categories = List.copyOf(categories);
  }

  /**
   * Adds one bar per category.
   *
   * @param name the legend label
   * @param vals one value per category
   * @param errs one error half-width per category (NaN or 0 for none), or null
   * @return this
   * @throws IllegalArgumentException when the lengths do not match the categories
   */
  public BarChart add(String name, double[] vals, double[] errs) {
    if (vals.length != categories.size() || (errs != null && errs.length != vals.length)) {
      throw new IllegalArgumentException("values: expected " + categories.size() + " values (and errors) for series "
          + name + ", got " + vals.length);
    }
    seriesNames.add(name);
    values.add(vals.clone());
    errors.add(errs == null ? new double[vals.length] : errs.clone());
    return this;
  }

  /**
   * The text shown when there is nothing to draw.
   *
   * @param message the message
   * @return this
   */
  public BarChart emptyMessage(String message) {
    this.emptyMessage = message;
    return this;
  }

  /**
   * Renders the chart.
   *
   * @return a standalone {@code <svg>} element
   */
  public String toSvg() {
    double lo = 0;
    double hi = 0;
    boolean any = false;
    for (int s = 0; s < values.size(); s++) {
      for (int c = 0; c < categories.size(); c++) {
        double v = values.get(s)[c];
        if (Double.isFinite(v)) {
          double e = Double.isFinite(errors.get(s)[c]) ? errors.get(s)[c] : 0;
          lo = Math.min(lo, v - e);
          hi = Math.max(hi, v + e);
          any = true;
        }
      }
    }
    NiceScale ys = NiceScale.of(lo, any ? hi : 1, 6, false);
    List<LegendEntry> legend = new ArrayList<>();
    for (int s = 0; s < seriesNames.size(); s++) {
      legend.add(new LegendEntry(seriesNames.get(s), Palette.color(s), LegendEntry.Kind.BOX));
    }
    ChartFrame frame = new ChartFrame(ys, legend);
    frame.begin(id, title, yLabel, v -> Numbers.tick(v, ys.step()));
    double groupWidth = categories.isEmpty() ? frame.plotWidth : frame.plotWidth / (double) categories.size();
    frame.svg.open("g", "class", "x-axis");
    frame.xAxisLine();
    for (int c = 0; c < categories.size(); c++) {
      frame.xTick(ChartFrame.LEFT + groupWidth * (c + 0.5), categories.get(c));
    }
    frame.xTitle(xLabel);
    frame.svg.close();
    if (!any) {
      frame.message(emptyMessage);
    }
    frame.svg.open("g", "class", "marks");
    int n = Math.max(1, seriesNames.size());
    double barWidth = groupWidth * 0.8 / n;
    double zero = frame.py(Math.max(ys.min(), Math.min(0, ys.max())));
    for (int s = 0; s < values.size(); s++) {
      for (int c = 0; c < categories.size(); c++) {
        double v = values.get(s)[c];
        if (!Double.isFinite(v)) {
          continue;
        }
        double x = ChartFrame.LEFT + groupWidth * c + groupWidth * 0.1 + barWidth * s;
        double y = frame.py(v);
        frame.svg.open("rect", "x", Numbers.coord(x), "y", Numbers.coord(Math.min(y, zero)),
            "width", Numbers.coord(Math.max(1, barWidth - 2)), "height", Numbers.coord(Math.abs(zero - y)),
            "fill", Palette.color(s));
        frame.svg.element("title", seriesNames.get(s) + " @ " + categories.get(c) + ": " + Numbers.value(v));
        frame.svg.close();
        double e = errors.get(s)[c];
        if (Double.isFinite(e) && e > 0) {
          String cx = Numbers.coord(x + (barWidth - 2) / 2);
          String top = Numbers.coord(frame.py(v + e));
          String bottom = Numbers.coord(frame.py(v - e));
          frame.svg.empty("line", "x1", cx, "x2", cx, "y1", top, "y2", bottom, "stroke", "#222", "stroke-width", "1.2");
          for (String yy : new String[] {top, bottom}) {
            frame.svg.empty("line", "x1", Numbers.coord(x + (barWidth - 2) / 2 - 4),
                "x2", Numbers.coord(x + (barWidth - 2) / 2 + 4), "y1", yy, "y2", yy, "stroke", "#222", "stroke-width", "1.2");
          }
        }
        if (barWidth >= 34) {
          frame.svg.element("text", Numbers.value(v), "x", Numbers.coord(x + (barWidth - 2) / 2),
              "y", Numbers.coord(Math.min(y, frame.py(v + (Double.isFinite(e) ? e : 0))) - 4),
              "text-anchor", "middle", "font-size", "10", "fill", "#333");
        }
      }
    }
    frame.svg.close();
    return frame.end();
  }
}
