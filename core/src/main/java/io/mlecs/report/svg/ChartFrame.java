package io.mlecs.report.svg;

import io.mlecs.report.xml.Markup;
import io.mlecs.report.xml.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The common frame of a chart: SVG root, title, plot area, y axis with grid and tick labels, axis
 * titles and a wrapped legend below the plot. Charts draw their marks between {@link #begin} and
 * {@link #end}.
 */
final class ChartFrame {

  static final int WIDTH = 760;
  static final int LEFT = 72;
  static final int RIGHT = 24;
  static final int TOP = 40;
  static final int PLOT_HEIGHT = 250;
  static final int AXIS_SPACE = 46;
  static final int LEGEND_ROW = 20;
  static final double CHAR_WIDTH = 6.6;

  final Markup svg = new Markup();
  final NiceScale yScale;
  final int plotWidth = WIDTH - LEFT - RIGHT;
  private final List<LegendEntry> legend;
  private final int legendRows;
  private final int height;

  ChartFrame(NiceScale yScale, List<LegendEntry> legend) {
    this.yScale = yScale;
    this.legend = legend;
    this.legendRows = layoutLegend(legend, null);
    this.height = TOP + PLOT_HEIGHT + AXIS_SPACE + legendRows * LEGEND_ROW + (legendRows > 0 ? 8 : 0);
  }

  double py(double y) {
    return TOP + PLOT_HEIGHT - (y - yScale.min()) / (yScale.max() - yScale.min()) * PLOT_HEIGHT;
  }

  void begin(String id, String title, String yLabel, DoubleFunction<String> yFormat) {
    svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "id", id, "class", "chart",
        "width", Integer.toString(WIDTH), "height", Integer.toString(height),
        "viewBox", "0 0 " + WIDTH + " " + height, "role", "img", "aria-label", title,
        "font-family", "Helvetica, Arial, sans-serif", "font-size", "12");
    svg.element("title", title);
    svg.empty("rect", "x", "0", "y", "0", "width", Integer.toString(WIDTH), "height", Integer.toString(height),
        "fill", "#ffffff");
    svg.element("text", title, "x", Integer.toString(LEFT), "y", "22", "font-size", "15", "font-weight", "bold",
        "fill", "#222");
    svg.open("g", "class", "y-axis");
    for (double t : yScale.ticks()) {
      String y = Numbers.coord(py(t));
      svg.empty("line", "x1", Integer.toString(LEFT), "x2", Integer.toString(LEFT + plotWidth), "y1", y, "y2", y,
          "stroke", "#e6e6e6", "stroke-width", "1");
      svg.empty("line", "x1", Integer.toString(LEFT - 5), "x2", Integer.toString(LEFT), "y1", y, "y2", y,
          "stroke", "#555");
      svg.element("text", yFormat.apply(t), "x", Integer.toString(LEFT - 8), "y", Numbers.coord(py(t) + 4),
          "text-anchor", "end", "fill", "#333");
    }
    svg.empty("line", "x1", Integer.toString(LEFT), "x2", Integer.toString(LEFT), "y1", Integer.toString(TOP),
        "y2", Integer.toString(TOP + PLOT_HEIGHT), "stroke", "#555");
    int midY = TOP + PLOT_HEIGHT / 2;
    svg.element("text", yLabel, "x", "16", "y", Integer.toString(midY), "text-anchor", "middle", "fill", "#333",
        "transform", "rotate(-90 16 " + midY + ")");
    svg.close();
  }

  void xAxisLine() {
    String y = Integer.toString(TOP + PLOT_HEIGHT);
    svg.empty("line", "x1", Integer.toString(LEFT), "x2", Integer.toString(LEFT + plotWidth), "y1", y, "y2", y,
        "stroke", "#555");
  }

  void xTick(double x, String label) {
    String xs = Numbers.coord(x);
    svg.empty("line", "x1", xs, "x2", xs, "y1", Integer.toString(TOP + PLOT_HEIGHT),
        "y2", Integer.toString(TOP + PLOT_HEIGHT + 5), "stroke", "#555");
    svg.element("text", label, "x", xs, "y", Integer.toString(TOP + PLOT_HEIGHT + 18), "text-anchor", "middle",
        "fill", "#333");
  }

  void xTitle(String label) {
    svg.element("text", label, "x", Integer.toString(LEFT + plotWidth / 2), "y",
        Integer.toString(TOP + PLOT_HEIGHT + 38), "text-anchor", "middle", "fill", "#333");
  }

  void message(String text) {
    svg.element("text", text, "x", Integer.toString(LEFT + plotWidth / 2), "y", Integer.toString(TOP + PLOT_HEIGHT / 2),
        "text-anchor", "middle", "fill", "#888", "font-size", "14");
  }

  String end() {
    layoutLegend(legend, svg);
    svg.close();
    return svg.build();
  }

  /** Lays the legend out in rows under the plot; draws it when {@code out} is not null. */
  private static int layoutLegend(List<LegendEntry> entries, Markup out) {
    if (entries.isEmpty()) {
      return 0;
    }
    List<Integer> rowStarts = new ArrayList<>();
    double x = LEFT;
    int row = 0;
    double baseY = TOP + PLOT_HEIGHT + AXIS_SPACE + 12;
    if (out != null) {
      out.open("g", "class", "legend");
    }
    for (LegendEntry e : entries) {
      double w = 26 + e.label().length() * CHAR_WIDTH + 16;
      if (x + w > WIDTH - RIGHT && x > LEFT) {
        row++;
        x = LEFT;
      }
      rowStarts.add(row);
      if (out != null) {
        double y = baseY + row * LEGEND_ROW;
        String ys = Numbers.coord(y - 4);
        switch (e.kind()) {
          case BOX -> out.empty("rect", "x", Numbers.coord(x), "y", Numbers.coord(y - 10), "width", "18",
              "height", "10", "fill", e.color());
          case DASHED -> out.empty("line", "x1", Numbers.coord(x), "x2", Numbers.coord(x + 20), "y1", ys, "y2", ys,
              "stroke", e.color(), "stroke-width", "2.5", "stroke-dasharray", "6 4");
          default -> out.empty("line", "x1", Numbers.coord(x), "x2", Numbers.coord(x + 20), "y1", ys, "y2", ys,
              "stroke", e.color(), "stroke-width", "2.5");
        }
        out.element("text", e.label(), "x", Numbers.coord(x + 26), "y", Numbers.coord(y), "fill", "#333");
      }
      x += w;
    }
    if (out != null) {
      out.close();
    }
    return row + 1;
  }
}
