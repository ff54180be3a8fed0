package io.mlecs.prep.urfall;

import io.mlecs.prep.source.BadInputException;
import io.mlecs.prep.source.BadRows;
import io.mlecs.prep.source.Fields;
import io.mlecs.prep.source.TextLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Parser of {@code urfall-cam0-falls.csv} / {@code urfall-cam0-adls.csv}: no header, 11 columns. */
public final class FeatureCsv {
  /** The falls file name. */
  public static final String FALLS = "urfall-cam0-falls.csv";
  /** The activities-of-daily-living file name. */
  public static final String ADLS = "urfall-cam0-adls.csv";
  /** Columns per row. */
  public static final int COLUMNS = 11;
  /** The depth features, in file order (columns 4..11). */
  public static final List<String> DEPTH_FEATURES =
      List.of(
          "HeightWidthRatio", "MajorMinorRatio", "BoundingBoxOccupancy", "MaxStdXZ", "HHmaxRatio", "H", "D",
          "P40");

  private static final Pattern SEQUENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  private FeatureCsv() {}

  /** Parses every row; bad rows go to {@code bad} (throw, or skip and count). */
  public static List<FrameRecord> parse(Path file, String relative, BadRows bad) {
    List<FrameRecord> rows = new ArrayList<>();
    for (TextLines.Line line : TextLines.read(file, relative)) {
      try {
        rows.add(parseLine(line.text(), relative + ":" + line.number()));
      } catch (BadInputException e) {
        bad.report(e);
      }
    }
    return rows;
  }

  static FrameRecord parseLine(String text, String location) {
    String[] f = Fields.split(text);
    if (f.length != COLUMNS) {
      throw new BadInputException(
          location, "expected " + COLUMNS + " columns, found " + f.length + ": '" + text + "'");
    }
    if (!SEQUENCE.matcher(f[0]).matches()) {
      throw new BadInputException(location, "column sequence is not a sequence name: '" + f[0] + "'");
    }
    int frame = Fields.integer(location, "frame", f[1]);
    if (frame < 1) {
      throw new BadInputException(location, "column frame must be >= 1: '" + f[1] + "'");
    }
    int raw = Fields.integer(location, "label", f[2]);
    int label = UrFallLabel.fromRaw(raw);
    if (label < 0) {
      throw new BadInputException(location, "unknown label '" + f[2] + "' (expected -1, 0 or 1)");
    }
    float[] depth = new float[DEPTH_FEATURES.size()];
    for (int i = 0; i < depth.length; i++) {
      depth[i] = (float) Fields.finite(location, DEPTH_FEATURES.get(i), f[3 + i]);
    }
    return new FrameRecord(f[0], frame, label, depth, location);
  }
}
