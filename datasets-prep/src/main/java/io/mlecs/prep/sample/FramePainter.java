package io.mlecs.prep.sample;

import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Paints a small RGB frame (32 x 24): a noisy room background and a person-coloured box whose shape follows
 * the pose: tall and narrow upright, squat in a temporary pose, long and flat lying on the floor. In 15 % of
 * frames the box takes the shape of a neighbouring pose (an ambiguous view), and every pixel gets noise.
 */
final class FramePainter {
  static final int WIDTH = 32;
  static final int HEIGHT = 24;
  private static final double AMBIGUOUS = 0.15;

  private FramePainter() {}

  static BufferedImage paint(int label, int[] background, int[] clothing, Random rnd) {
    int shown = label;
    if (rnd.nextDouble() < AMBIGUOUS) {
      shown = label == 0 ? 1 : label == 2 ? 1 : (rnd.nextBoolean() ? 0 : 2);
    }
    int w;
    int h;
    switch (shown) {
      case 0 -> {
        w = 4 + rnd.nextInt(3);
        h = 14 + rnd.nextInt(6);
      }
      case 1 -> {
        w = 7 + rnd.nextInt(4);
        h = 8 + rnd.nextInt(4);
      }
      default -> {
        w = 14 + rnd.nextInt(5);
        h = 3 + rnd.nextInt(3);
      }
    }
    int bottom = HEIGHT - 2 - rnd.nextInt(2);
    int left = rnd.nextInt(WIDTH - w);
    BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        boolean person = x >= left && x < left + w && y < bottom && y >= bottom - h;
        int[] c = person ? clothing : background;
        int r = clamp(c[0] + 18 * rnd.nextGaussian());
        int g = clamp(c[1] + 18 * rnd.nextGaussian());
        int b = clamp(c[2] + 18 * rnd.nextGaussian());
        img.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return img;
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
