package io.mlecs.prep.urfall;

import java.awt.image.BufferedImage;

/**
 * The {@code rgb} feature vector of one frame, plain Java imaging, {@value #DIM} floats:
 *
 * <ol>
 *   <li>64 = an 8 x 8 grid of mean luma (0.299 R + 0.587 G + 0.114 B, scaled to [0, 1]) over equal cells,
 *       row-major from the top left (a downsampled grayscale image);
 *   <li>24 = three 8-bin colour histograms (R, then G, then B; bin = value / 32), each normalised to sum 1.
 * </ol>
 */
public final class ImageFeatures {
  /** Grid cells per side. */
  public static final int GRID = 8;
  /** Histogram bins per channel. */
  public static final int BINS = 8;
  /** Feature length. */
  public static final int DIM = GRID * GRID + 3 * BINS;

  private ImageFeatures() {}

  public static float[] of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    float[] out = new float[DIM];
    double[] cellSum = new double[GRID * GRID];
    int[] cellCount = new int[GRID * GRID];
    long[] hist = new long[3 * BINS];
    for (int y = 0; y < h; y++) {
      int cy = Math.min(GRID - 1, y * GRID / h);
      for (int x = 0; x < w; x++) {
        int cx = Math.min(GRID - 1, x * GRID / w);
        int p = argb[y * w + x];
        int r = (p >> 16) & 0xff;
        int g = (p >> 8) & 0xff;
        int b = p & 0xff;
        cellSum[cy * GRID + cx] += (0.299 * r + 0.587 * g + 0.114 * b) / 255.0;
        cellCount[cy * GRID + cx]++;
        hist[r >> 5]++;
        hist[BINS + (g >> 5)]++;
        hist[2 * BINS + (b >> 5)]++;
      }
    }
    for (int c = 0; c < GRID * GRID; c++) {
      out[c] = cellCount[c] == 0 ? 0f : (float) (cellSum[c] / cellCount[c]);
    }
    double pixels = (double) w * h;
    for (int i = 0; i < hist.length; i++) {
      out[GRID * GRID + i] = (float) (hist[i] / pixels);
    }
    return out;
  }
}
