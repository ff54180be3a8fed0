package io.mlecs.prep.sample;

import java.util.Random;

/**
 * How a generated UR-FALL frame's label (0 not lying, 1 temporary, 2 lying) shows in each modality, with
 * independent noise per modality so each alone is an imperfect classifier and together they are better:
 *
 * <ul>
 *   <li>depth: a noisy scalar posture u = label + N(0, 0.55) drives all 8 features linearly (the real features
 *       are strongly correlated), plus small per-feature noise and a per-person height factor;
 *   <li>acce: the gravity direction in g, (0,-1,0) upright, (0.5,-0.6,-0.4) in a temporary pose, (0,0,-1)
 *       lying, plus N(0, 0.4) per axis and a per-person sensor tilt;
 *   <li>rgb: see {@link FramePainter}.
 * </ul>
 */
final class PoseModel {
  /** Depth feature at posture u: a + b * u, per feature (HeightWidthRatio ... P40). */
  private static final double[] DEPTH_A = {3.0, 3.0, 0.50, 125, 1.00, 1800, 1050, 0.05};
  private static final double[] DEPTH_B = {-1.25, -0.25, 0.06, 25, -0.37, -650, -75, 0.125};
  private static final double[] DEPTH_NOISE = {0.08, 0.15, 0.02, 4, 0.03, 40, 15, 0.01};
  private static final double POSTURE_NOISE = 0.55;
  private static final double[][] GRAVITY = {{0, -1, 0}, {0.5, -0.6, -0.4}, {0, 0, -1}};
  private static final double AXIS_NOISE = 0.4;

  private PoseModel() {}

  static double[] depth(int label, double heightFactor, Random rnd) {
    double u = label + POSTURE_NOISE * rnd.nextGaussian();
    double[] f = new double[DEPTH_A.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = DEPTH_A[i] + DEPTH_B[i] * u + DEPTH_NOISE[i] * rnd.nextGaussian();
    }
    f[5] *= heightFactor; // H scales with the person
    f[0] = Math.max(0.05, f[0]);
    f[1] = Math.max(1.0, f[1]);
    f[2] = Math.min(1.0, Math.max(0.05, f[2]));
    f[4] = Math.max(0.02, f[4]);
    f[5] = Math.max(50, f[5]);
    f[7] = Math.max(0.001, f[7]);
    return f;
  }

  /** x, y, z in g. */
  static double[] axes(int label, double[] tilt, Random rnd) {
    double[] a = new double[3];
    for (int i = 0; i < 3; i++) {
      a[i] = GRAVITY[label][i] + tilt[i] + AXIS_NOISE * rnd.nextGaussian();
    }
    return a;
  }
}
