package io.mlecs.report.svg;

import io.mlecs.report.xml.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A line chart over rounds (integer x). Build it, add series and bands, then call {@link #toSvg()}.
 * Points are marked with dots when a series has few of them and is not a thin background line.
 */
public final class LineChart {

  private static final int MAX_MARKED_POINTS = 30;
  /** Thinner lines (e.g. one per device among many) carry no point markers. */
  private static final double MARKER_MIN_WIDTH = 1.5;

  private final String id;
  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<Series> series = new ArrayList<>();
  private final List<Band> bands = new ArrayList<>();
  private DoubleFunction<String> yFormat;
  private String yUnit = "";
  private boolean integerX = true;

  /**
   * Creates an empty chart.
   *
   * @param id the SVG element id
   * @param title the title shown above the plot
   * @param xLabel the x axis title
   * @param yLabel the y axis title
   */
  public LineChart(String id, String title, String xLabel, String yLabel) {
    this.id = id;
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  /**
   * Adds a line.
   *
   * @param s the series
   * @return this
   */
  public LineChart add(Series s) {
    series.add(s);
    return this;
  }

  /**
   * Adds a shaded band (drawn below the lines).
   *
   * @param b the band
   * @return this
   */
  public LineChart add(Band b) {
    bands.add(b);
    return this;
  }

  /**
   * Sets the y tick label format (default: decimals following the tick step).
   *
   * @param format the formatter
   * @return this
   */
  public LineChart yFormat(DoubleFunction<String> format) {
    this.yFormat = format;
    return this;
  }

  /**
   * Appends a unit to the default tick labels (e.g. {@code "%"}), keeping step-based decimals.
   *
   * @param unit the suffix
   * @return this
   */
  public LineChart yUnit(String unit) {
    this.yUnit = unit;
    return this;
  }

  /**
   * Allows fractional x ticks (default: whole numbers, for rounds).
   *
   * @param integer whether x ticks are whole numbers
   * @return this
   */
  public LineChart integerX(boolean integer) {
    this.integerX = integer;
    return this;
  }

  /**
   * Renders the chart.
   *
   * @return a standalone {@code <svg>} element
   */
  public String toSvg() {
    double xLo = Double.POSITIVE_INFINITY;
    double xHi = Double.NEGATIVE_INFINITY;
    double yLo = Double.POSITIVE_INFINITY;
    double yHi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (int i = 0; i < s.x().length; i++) {
        if (Double.isFinite(s.y()[i])) {
          xLo = Math.min(xLo, s.x()[i]);
          xHi = Math.max(xHi, s.x()[i]);
          yLo = Math.min(yLo, s.y()[i]);
          yHi = Math.max(yHi, s.y()[i]);
        }
      }
    }
    for (Band b : bands) {
      for (int i = 0; i < b.x().length; i++) {
        if (Double.isFinite(b.lo()[i]) && Double.isFinite(b.hi()[i])) {
          xLo = Math.min(xLo, b.x()[i]);
          xHi = Math.max(xHi, b.x()[i]);
          yLo = Math.min(yLo, b.lo()[i]);
          yHi = Math.max(yHi, b.hi()[i]);
        }
      }
    }
    boolean empty = !Double.isFinite(xLo);
    NiceScale ys = NiceScale.of(empty ? 0 : yLo, empty ? 1 : yHi, 6, false);
    NiceScale xs = empty ? NiceScale.of(1, 2, 2, true)
        : xLo == xHi ? new NiceScale(xLo - 1, xHi + 1, 1) : NiceScale.of(xLo, xHi, 10, integerX);
    if (!empty && xLo != xHi) {
      // rounds start and end on data, not on a padded tick
      xs = new NiceScale(xLo, xHi, xs.step());
    }
    List<LegendEntry> legend = new ArrayList<>();
    for (Band b : bands) {
      legend.add(new LegendEntry(b.name(), b.color(), LegendEntry.Kind.BOX));
    }
    for (Series s : series) {
      if (s.inLegend()) {
        legend.add(new LegendEntry(s.name(), s.color(), s.dashed() ? LegendEntry.Kind.DASHED : LegendEntry.Kind.LINE));
      }
    }
    ChartFrame frame = new ChartFrame(ys, legend);
    DoubleFunction<String> format = yFormat != null ? yFormat : v -> Numbers.tick(v, ys.step()) + yUnit;
    frame.begin(id, title, yLabel, format);
    final NiceScale xScale = xs;
    java.util.function.DoubleUnaryOperator px =
        x -> ChartFrame.LEFT + (x - xScale.min()) / (xScale.max() - xScale.min()) * frame.plotWidth;
    frame.svg.open("g", "class", "x-axis");
    frame.xAxisLine();
    for (double t = Math.ceil(xs.min() / xs.step()) * xs.step(); t <= xs.max() + 1e-9; t += xs.step()) {
      frame.xTick(px.applyAsDouble(t), integerX ? Long.toString(Math.round(t)) : Numbers.tick(t, xs.step()));
    }
    frame.xTitle(xLabel);
    frame.svg.close();
    if (empty) {
      frame.message("no data");
    }
    frame.svg.open("g", "class", "marks");
    for (Band b : bands) {
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < b.x().length; i++) {
        if (Double.isFinite(b.hi()[i])) {
          points.append(Numbers.coord(px.applyAsDouble(b.x()[i]))).append(',')
              .append(Numbers.coord(frame.py(b.hi()[i]))).append(' ');
        }
      }
      for (int i = b.x().length - 1; i >= 0; i--) {
        if (Double.isFinite(b.lo()[i])) {
          points.append(Numbers.coord(px.applyAsDouble(b.x()[i]))).append(',')
              .append(Numbers.coord(frame.py(b.lo()[i]))).append(' ');
        }
      }
      frame.svg.empty("polygon", "points", points.toString().strip(), "fill", b.color(), "fill-opacity", "0.25",
          "stroke", "none");
    }
    for (Series s : series) {
      drawSeries(frame, s, px);
    }
    frame.svg.close();
    return frame.end();
  }

  private static void drawSeries(ChartFrame frame, Series s, java.util.function.DoubleUnaryOperator px) {
    StringBuilder segment = new StringBuilder();
    int finite = 0;
    for (double v : s.y()) {
      finite += Double.isFinite(v) ? 1 : 0;
    }
    String dash = s.dashed() ? "6 4" : null;
    for (int i = 0; i <= s.x().length; i++) {
      boolean ok = i < s.x().length && Double.isFinite(s.y()[i]);
      if (ok) {
        segment.append(Numbers.coord(px.applyAsDouble(s.x()[i]))).append(',')
            .append(Numbers.coord(frame.py(s.y()[i]))).append(' ');
      } else if (segment.length() > 0) {
        frame.svg.empty("polyline", "points", segment.toString().strip(), "fill", "none", "stroke", s.color(),
            "stroke-width", Numbers.coord(s.width()), "stroke-dasharray", dash, "stroke-linejoin", "round");
        segment.setLength(0);
      }
    }
    if (finite <= MAX_MARKED_POINTS && s.width() >= MARKER_MIN_WIDTH) {
      for (int i = 0; i < s.x().length; i++) {
        if (Double.isFinite(s.y()[i])) {
          frame.svg.empty("circle", "cx", Numbers.coord(px.applyAsDouble(s.x()[i])),
              "cy", Numbers.coord(frame.py(s.y()[i])), "r", "2.8", "fill", s.color());
        }
      }
    }
  }
}
