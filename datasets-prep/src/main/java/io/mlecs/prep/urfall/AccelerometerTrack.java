package io.mlecs.prep.urfall;

import io.mlecs.prep.source.BadInputException;
import io.mlecs.prep.source.BadRows;
import io.mlecs.prep.source.Fields;
import io.mlecs.prep.source.TextLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One sequence's accelerometer, aligned to video frames: {@code {seq}-data.csv} gives each frame's ms since
 * start, {@code {seq}-acc.csv} gives (ms, SV_total, x, y, z); a frame's {@code acce} vector is (x, y, z) of the
 * acc row nearest in time (ties: the earlier row). A first line whose first field is not a number is taken as
 * a header and skipped; any other non-numeric line is a bad row.
 */
final class AccelerometerTrack {
  private final Map<Integer, Double> frameMs;
  private final double[] accMs;
  private final float[][] axes;

  private AccelerometerTrack(Map<Integer, Double> frameMs, double[] accMs, float[][] axes) {
    this.frameMs = frameMs;
    this.accMs = accMs;
    this.axes = axes;
  }

  static AccelerometerTrack read(Path dataCsv, String dataRel, Path accCsv, String accRel, BadRows bad) {
    Map<Integer, Double> frameMs = new HashMap<>();
    for (double[] row : numericRows(dataCsv, dataRel, 3, bad, new boolean[] {true, false, false})) {
      frameMs.put((int) row[0], row[1]);
    }
    List<double[]> acc = numericRows(accCsv, accRel, 5, bad, new boolean[5]);
    acc.sort(Comparator.comparingDouble(r -> r[0]));
    double[] ms = new double[acc.size()];
    float[][] xyz = new float[acc.size()][];
    for (int i = 0; i < ms.length; i++) {
      double[] r = acc.get(i);
      ms[i] = r[0];
      xyz[i] = new float[] {(float) r[2], (float) r[3], (float) r[4]};
    }
    return new AccelerometerTrack(frameMs, ms, xyz);
  }

  /** True when data.csv lists the frame and acc.csv has at least one row. */
  boolean covers(int frame) {
    return frameMs.containsKey(frame) && accMs.length > 0;
  }

  boolean listsFrame(int frame) {
    return frameMs.containsKey(frame);
  }

  boolean hasSamples() {
    return accMs.length > 0;
  }

  /** (x, y, z) in g nearest in time to the frame; call only when {@link #covers} is true. */
  float[] axesAt(int frame) {
    double t = frameMs.get(frame);
    int i = Arrays.binarySearch(accMs, t);
    if (i < 0) {
      int hi = -i - 1;
      int lo = hi - 1;
      if (hi >= accMs.length) {
        i = lo;
      } else if (lo < 0) {
        i = hi;
      } else {
        i = t - accMs[lo] <= accMs[hi] - t ? lo : hi;
      }
    } else {
      while (i > 0 && accMs[i - 1] == t) {
        i--;
      }
    }
    return axes[i].clone();
  }

  private static List<double[]> numericRows(
      Path file, String relative, int columns, BadRows bad, boolean[] integerColumn) {
    List<double[]> rows = new ArrayList<>();
    for (TextLines.Line line : TextLines.read(file, relative)) {
      String location = relative + ":" + line.number();
      String[] f = Fields.split(line.text());
      if (line.number() == 1 && !f[0].isEmpty() && !Character.isDigit(f[0].charAt(0))
          && f[0].charAt(0) != '-' && f[0].charAt(0) != '.' && f[0].charAt(0) != '+') {
        continue; // header line
      }
      try {
        if (f.length != columns) {
          throw new BadInputException(
              location, "expected " + columns + " columns, found " + f.length + ": '" + line.text() + "'");
        }
        double[] row = new double[columns];
        for (int c = 0; c < columns; c++) {
          String name = "#" + (c + 1);
          row[c] = integerColumn[c] ? Fields.integer(location, name, f[c]) : Fields.finite(location, name, f[c]);
        }
        rows.add(row);
      } catch (BadInputException e) {
        bad.report(e);
      }
    }
    return rows;
  }
}
