package io.mlecs.prep.sample;

import io.mlecs.prep.urfall.FeatureCsv;
import io.mlecs.prep.urfall.UrFallLabel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes a generated UR-FALL folder in the real layout: {@code urfall-cam0-falls.csv} and
 * {@code urfall-cam0-adls.csv} (no header, 11 columns, no newline after the last row, like the real file),
 * {@code {seq}-data.csv} (frame, ms, interpolated SV_total), {@code {seq}-acc.csv} (ms, SV_total, x, y, z at
 * 100 Hz), and RGB frames {@code {seq}-cam0-rgb-001.png}: in a folder {@code {seq}-cam0-rgb/} for even-numbered
 * sequences, in {@code {seq}-cam0-rgb.zip} for odd ones. Half the sequences (rounded up) are falls
 * ({@code fall-01}, ...: upright, then a temporary pose, then lying), the rest ADLs ({@code adl-01}, ...: upright
 * with a temporary pose, every third ending lying on a couch). How labels show in the modalities:
 * {@link PoseModel}, {@link FramePainter}.
 */
public final class UrFallSampleGenerator {
  /** Frames per second of the generated video. */
  static final double FPS = 30.0;
  /** Accelerometer period in ms. */
  static final int ACC_PERIOD_MS = 10;

  /**
   * @param sequences sequences to write (>= 2)
   * @param frames mean frames per sequence (>= 20); each sequence gets frames +- 10
   * @param seed the seed
   */
  public record Config(int sequences, int frames, long seed) {
    public Config {
      if (sequences < 2) {
        throw new IllegalArgumentException("--sequences must be >= 2, got " + sequences);
      }
      if (frames < 20 || frames > 5000) {
        throw new IllegalArgumentException("--frames must be in [20, 5000], got " + frames);
      }
    }
  }

  private UrFallSampleGenerator() {}

  /** Writes into {@code dir}, which must exist. */
  public static void write(Path dir, Config c) throws IOException {
    Random rnd = new Random(c.seed());
    int falls = (c.sequences() + 1) / 2;
    List<String> fallRows = new ArrayList<>();
    List<String> adlRows = new ArrayList<>();
    for (int s = 0; s < c.sequences(); s++) {
      boolean fall = s < falls;
      String seq = String.format(Locale.ROOT, fall ? "fall-%02d" : "adl-%02d", fall ? s + 1 : s - falls + 1);
      int n = c.frames() - 10 + rnd.nextInt(21);
      int[] labels = labels(fall, fall ? s : s - falls, n, rnd);
      Person p = Person.draw(rnd);
      List<String> rows = fall ? fallRows : adlRows;
      for (int f = 0; f < n; f++) {
        double[] d = PoseModel.depth(labels[f], p.heightFactor, rnd);
        StringBuilder b = new StringBuilder(seq).append(',').append(f + 1).append(',').append(UrFallLabel.toRaw(labels[f]));
        for (double v : d) {
          b.append(',').append(num(v));
        }
        rows.add(b.toString());
      }
      writeAccelerometer(dir, seq, labels, p, rnd);
      writeFrames(dir, seq, labels, p, s % 2 == 1, rnd);
    }
    writeLines(dir.resolve(FeatureCsv.FALLS), fallRows, false);
    writeLines(dir.resolve(FeatureCsv.ADLS), adlRows, false);
  }

  /** Labels 0/1/2 of one sequence's frames. */
  static int[] labels(boolean fall, int index, int n, Random rnd) {
    int[] l = new int[n];
    int a = (int) (n * (0.30 + 0.15 * rnd.nextDouble()));
    int b = a + (int) (n * (0.20 + 0.10 * rnd.nextDouble()));
    boolean endsLying = fall || index % 3 == 2;
    for (int f = 0; f < n; f++) {
      l[f] = f < a ? 0 : f < b ? 1 : endsLying ? 2 : 0;
    }
    return l;
  }

  private static void writeAccelerometer(Path dir, String seq, int[] labels, Person p, Random rnd) throws IOException {
    int n = labels.length;
    long[] frameMs = new long[n];
    for (int f = 0; f < n; f++) {
      frameMs[f] = Math.max(0, Math.round(f * 1000.0 / FPS + (f == 0 ? 0 : rnd.nextInt(5) - 2)));
    }
    long end = frameMs[n - 1] + 100;
    int rows = (int) (end / ACC_PERIOD_MS) + 1;
    double[] sv = new double[rows];
    List<String> acc = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      long t = (long) r * ACC_PERIOD_MS;
      int frame = (int) Math.min(n - 1, Math.round(t * FPS / 1000.0));
      double[] xyz = PoseModel.axes(labels[frame], p.tilt, rnd);
      sv[r] = Math.sqrt(xyz[0] * xyz[0] + xyz[1] * xyz[1] + xyz[2] * xyz[2]);
      acc.add(t + "," + num(sv[r]) + "," + num(xyz[0]) + "," + num(xyz[1]) + "," + num(xyz[2]));
    }
    List<String> data = new ArrayList<>();
    for (int f = 0; f < n; f++) {
      double pos = frameMs[f] / (double) ACC_PERIOD_MS;
      int lo = (int) Math.floor(pos);
      int hi = Math.min(rows - 1, lo + 1);
      double w = pos - lo;
      data.add((f + 1) + "," + frameMs[f] + "," + num(sv[lo] * (1 - w) + sv[hi] * w));
    }
    writeLines(dir.resolve(seq + "-acc.csv"), acc, true);
    writeLines(dir.resolve(seq + "-data.csv"), data, true);
  }

  private static void writeFrames(Path dir, String seq, int[] labels, Person p, boolean zip, Random rnd)
      throws IOException {
    String name = seq + "-cam0-rgb";
    if (zip) {
      try (OutputStream file = Files.newOutputStream(dir.resolve(name + ".zip"));
          ZipOutputStream out = new ZipOutputStream(file)) {
        for (int f = 0; f < labels.length; f++) {
          ZipEntry e = new ZipEntry(name + "/" + frameName(name, f + 1));
          e.setTimeLocal(java.time.LocalDateTime.of(2014, 1, 1, 0, 0)); // same bytes for a seed
          out.putNextEntry(e);
          out.write(png(FramePainter.paint(labels[f], p.background, p.clothing, rnd)));
          out.closeEntry();
        }
      }
    } else {
      Path folder = Files.createDirectories(dir.resolve(name));
      for (int f = 0; f < labels.length; f++) {
        Files.write(folder.resolve(frameName(name, f + 1)), png(FramePainter.paint(labels[f], p.background, p.clothing, rnd)));
      }
    }
  }

  static String frameName(String rgbName, int frame) {
    return String.format(Locale.ROOT, "%s-%03d.png", rgbName, frame);
  }

  /** PNG bytes, encoded in memory (ImageIO.write to a stream would go through a temporary cache file). */
  private static byte[] png(BufferedImage img) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(img);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** Up to 5 decimals, trailing zeros removed, as the real files print numbers. */
  static String num(double v) {
    String s = new BigDecimal(v).setScale(5, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  private static void writeLines(Path file, List<String> lines, boolean trailingNewline) throws IOException {
    String text = String.join("\n", lines) + (trailingNewline && !lines.isEmpty() ? "\n" : "");
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Per-sequence person: height factor, sensor tilt, colours. */
  private record Person(double heightFactor, double[] tilt, int[] background, int[] clothing) {
    static Person draw(Random rnd) {
      double[] tilt = {0.1 * rnd.nextGaussian(), 0.1 * rnd.nextGaussian(), 0.1 * rnd.nextGaussian()};
      int[] bg = {150 + rnd.nextInt(60), 150 + rnd.nextInt(60), 150 + rnd.nextInt(60)};
      int[] cl = {20 + rnd.nextInt(80), 20 + rnd.nextInt(80), 20 + rnd.nextInt(80)};
      return new Person(0.9 + 0.2 * rnd.nextDouble(), tilt, bg, cl);
    }
  }
}
