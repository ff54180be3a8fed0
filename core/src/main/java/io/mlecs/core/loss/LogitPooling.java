package io.mlecs.core.loss;

/**
 * Average pooling of per-position logits from S_in positions to S_out = min(S_1, S_2) positions
 * (Eq. 14): output position i averages input positions [floor(i * S_in / S_out), floor((i + 1) *
 * S_in / S_out)). With S_in = S_out it is the identity.
 */
public final class LogitPooling {
  private LogitPooling() {}

  /** Pools [B * sIn, V] row-major logits to [B * sOut, V]. */
  public static float[][] pool(float[][] logits, int batch, int sIn, int sOut) {
    if (sOut > sIn || sOut <= 0) {
      throw new IllegalArgumentException("cannot pool " + sIn + " positions to " + sOut);
    }
    if (logits.length != batch * sIn) {
      throw new IllegalArgumentException(
          "expected " + batch * sIn + " rows of logits, got " + logits.length);
    }
    int v = logits.length == 0 ? 0 : logits[0].length;
    float[][] out = new float[batch * sOut][v];
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < sOut; i++) {
        int lo = (int) ((long) i * sIn / sOut);
        int hi = (int) ((long) (i + 1) * sIn / sOut);
        float[] dst = out[b * sOut + i];
        for (int j = lo; j < hi; j++) {
          float[] src = logits[b * sIn + j];
          for (int k = 0; k < v; k++) {
            dst[k] += src[k];
          }
        }
        for (int k = 0; k < v; k++) {
          dst[k] /= (hi - lo);
        }
      }
    }
    return out;
  }

  /** Row-wise softmax(x / temperature) in double precision, returned as float. */
  public static float[][] softmax(float[][] logits, double temperature) {
    float[][] out = new float[logits.length][];
    for (int r = 0; r < logits.length; r++) {
      float[] row = logits[r];
      double max = Double.NEGATIVE_INFINITY;
      for (float x : row) {
        max = Math.max(max, x / temperature);
      }
      double sum = 0;
      double[] e = new double[row.length];
      for (int k = 0; k < row.length; k++) {
        e[k] = Math.exp(row[k] / temperature - max);
        sum += e[k];
      }
      out[r] = new float[row.length];
      for (int k = 0; k < row.length; k++) {
        out[r][k] = (float) (e[k] / sum);
      }
    }
    return out;
  }
}
