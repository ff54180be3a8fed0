package io.mlecs.report.svg;

/** Colours of the charts (Tableau 10, colour-blind friendly order). */
public final class Palette {

  private static final String[] COLORS = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

  /** Colour of the device average line. */
  public static final String AVG = "#4e79a7";
  /** Colour of the best-device line. */
  public static final String BEST = "#59a14f";
  /** Colour of the worst-device line. */
  public static final String WORST = "#e15759";
  /** Colour of the server line. */
  public static final String SERVER = "#222222";
  /** Colour of per-device lines when there are many devices. */
  public static final String MUTED = "#b8c2cc";

  private Palette() {}

  /**
   * The i-th categorical colour (cycling).
   *
   * @param i the index
   * @return a hex colour
   */
  public static String color(int i) {
    return COLORS[Math.floorMod(i, COLORS.length)];
  }
}
