package io.mlecs.core.kernel;

/**
 * Multi-head causal self-attention on a residual stream kept as [B * T, d] (head h owns columns
 * h dh ... (h + 1) dh - 1): softmax(q k^T / sqrt(dh) + causal mask) v. A masked score gets
 * exactly zero weight here; in the SameDiff graph it gets exp(-1e9 - max), which is also exactly
 * zero in FLOAT and DOUBLE, so the two compute the same function. Works on heap copies of q, k, v
 * (the inner loops run over dh contiguous values).
 */
final class CausalAttention {
  private final int batch;
  private final int t;
  private final int heads;
  private final int dh;
  private final int d;
  private final double scale;
  private final double[] q;
  private final double[] k;
  private final double[] v;
  private final double[] ctx;
  private final double[] dctx;
  private final double[] dq;
  private final double[] dk;
  private final double[] dv;
  private final double[] datt;

  CausalAttention(int batch, int t, int heads, int dh) {
    this.batch = batch;
    this.t = t;
    this.heads = heads;
    this.dh = dh;
    this.d = heads * dh;
    this.scale = 1.0 / Math.sqrt(dh);
    int n = batch * t * d;
    this.q = new double[n];
    this.k = new double[n];
    this.v = new double[n];
    this.ctx = new double[n];
    this.dctx = new double[n];
    this.dq = new double[n];
    this.dk = new double[n];
    this.dv = new double[n];
    this.datt = new double[t];
  }

  /** Length of the attention-weight buffer {@link #forward} fills. */
  static int weightsLength(int batch, int t, int heads) {
    return batch * heads * t * t;
  }

  /** Writes ctx [B * T, d] and the attention weights (kept for the backward pass). */
  void forward(Mat qm, Mat km, Mat vm, double[] att, Mat ctxOut) {
    qm.copyTo(q);
    km.copyTo(k);
    vm.copyTo(v);
    java.util.Arrays.fill(ctx, 0.0);
    for (int b = 0; b < batch; b++) {
      for (int h = 0; h < heads; h++) {
        int col = h * dh;
        int attBase = (b * heads + h) * t * t;
        for (int i = 0; i < t; i++) {
          int qi = (b * t + i) * d + col;
          int row = attBase + i * t;
          double max = Double.NEGATIVE_INFINITY;
          for (int j = 0; j <= i; j++) {
            int kj = (b * t + j) * d + col;
            double s = 0;
            for (int c = 0; c < dh; c++) {
              s += q[qi + c] * k[kj + c];
            }
            s *= scale;
            att[row + j] = s;
            max = Math.max(max, s);
          }
          double z = 0;
          for (int j = 0; j <= i; j++) {
            double e = Math.exp(att[row + j] - max);
            att[row + j] = e;
            z += e;
          }
          for (int j = 0; j <= i; j++) {
            double a = att[row + j] / z;
            att[row + j] = a;
            int vj = (b * t + j) * d + col;
            for (int c = 0; c < dh; c++) {
              ctx[qi + c] += a * v[vj + c];
            }
          }
          for (int j = i + 1; j < t; j++) {
            att[row + j] = 0.0;
          }
        }
      }
    }
    ctxOut.copyFrom(ctx);
  }

  /** From dctx, writes dq, dk and dv (q, k, v are those of the last {@link #forward}). */
  void backward(double[] att, Mat dctxIn, Mat dqOut, Mat dkOut, Mat dvOut) {
    dctxIn.copyTo(dctx);
    java.util.Arrays.fill(dq, 0.0);
    java.util.Arrays.fill(dk, 0.0);
    java.util.Arrays.fill(dv, 0.0);
    for (int b = 0; b < batch; b++) {
      for (int h = 0; h < heads; h++) {
        int col = h * dh;
        int attBase = (b * heads + h) * t * t;
        for (int i = 0; i < t; i++) {
          int qi = (b * t + i) * d + col;
          int row = attBase + i * t;
          double weighted = 0;
          for (int j = 0; j <= i; j++) {
            int vj = (b * t + j) * d + col;
            double s = 0;
            for (int c = 0; c < dh; c++) {
              s += dctx[qi + c] * v[vj + c];
            }
            datt[j] = s;
            double a = att[row + j];
            weighted += a * s;
            for (int c = 0; c < dh; c++) {
              dv[vj + c] += a * dctx[qi + c];
            }
          }
          for (int j = 0; j <= i; j++) {
            double ds = att[row + j] * (datt[j] - weighted) * scale;
            if (ds == 0.0) {
              continue;
            }
            int kj = (b * t + j) * d + col;
            for (int c = 0; c < dh; c++) {
              dq[qi + c] += ds * k[kj + c];
              dk[kj + c] += ds * q[qi + c];
            }
          }
        }
      }
    }
    dqOut.copyFrom(dq);
    dkOut.copyFrom(dk);
    dvOut.copyFrom(dv);
  }
}
