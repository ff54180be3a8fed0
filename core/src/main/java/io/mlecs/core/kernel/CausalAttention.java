package io.mlecs.core.kernel;

import java.util.Arrays;

/**
 * Multi-head causal self-attention on a residual stream kept as [B * T, d] (head h owns columns
 * h dh ... (h + 1) dh - 1): softmax(q k^T / sqrt(dh) + causal mask) v. A masked score gets
 * exactly zero weight here; in the SameDiff graph it gets exp(-1e9 - max), which is also exactly
 * zero in FLOAT and DOUBLE, so the two compute the same function.
 *
 * <p>The B x H (sample, head) pairs are the innermost axis of every heap buffer here: q, k, v
 * are gathered as [T, dh, pairs] and the weights kept as [T, T, pairs], so every inner loop is
 * an element-wise multiply-add over all pairs at once, which the JIT vectorises (per pair, the
 * products are only 17 x 16 x 17 at the default sizes: far too small for a BLAS call each).
 */
final class CausalAttention {
  private final int batch;
  private final int t;
  private final int heads;
  private final int dh;
  private final int d;
  private final int pairs;
  private final double scale;
  private final double[] q;
  private final double[] k;
  private final double[] v;
  private final double[] att;
  private final double[] ctx;
  private final double[] dctx;
  private final double[] dq;
  private final double[] dk;
  private final double[] dv;
  private final double[] datt;
  private final double[] acc;

  CausalAttention(int batch, int t, int heads, int dh) {
    this.batch = batch;
    this.t = t;
    this.heads = heads;
    this.dh = dh;
    this.d = heads * dh;
    this.pairs = batch * heads;
    this.scale = 1.0 / Math.sqrt(dh);
    int n = t * dh * pairs;
    this.q = new double[n];
    this.k = new double[n];
    this.v = new double[n];
    this.ctx = new double[n];
    this.dctx = new double[n];
    this.dq = new double[n];
    this.dk = new double[n];
    this.dv = new double[n];
    this.att = new double[t * t * pairs];
    this.datt = new double[t * t * pairs];
    this.acc = new double[pairs];
  }

  /** Writes ctx [B * T, d]; keeps q, k, v and the attention weights for the backward pass. */
  void forward(Mat qm, Mat km, Mat vm, Mat ctxOut) {
    final double[] q = this.q;
    final double[] k = this.k;
    final double[] v = this.v;
    final double[] att = this.att;
    final double[] ctx = this.ctx;
    final double[] acc = this.acc;
    final int t = this.t;
    final int dh = this.dh;
    final double scale = this.scale;
    gather(qm, q);
    gather(km, k);
    gather(vm, v);
    Arrays.fill(att, 0.0);
    Arrays.fill(ctx, 0.0);
    int p = pairs;
    for (int i = 0; i < t; i++) {
      // scores[i, j, :] = scale sum_c q[i, c, :] k[j, c, :] for j <= i
      for (int j = 0; j <= i; j++) {
        int s = (i * t + j) * p;
        for (int c = 0; c < dh; c++) {
          int qi = (i * dh + c) * p;
          int kj = (j * dh + c) * p;
          for (int x = 0; x < p; x++) {
            att[s + x] += q[qi + x] * k[kj + x];
          }
        }
      }
      // softmax over j <= i, pair by pair
      Arrays.fill(acc, Double.NEGATIVE_INFINITY);
      for (int j = 0; j <= i; j++) {
        int s = (i * t + j) * p;
        for (int x = 0; x < p; x++) {
          att[s + x] *= scale;
          acc[x] = Math.max(acc[x], att[s + x]);
        }
      }
      for (int j = 0; j <= i; j++) {
        int s = (i * t + j) * p;
        for (int x = 0; x < p; x++) {
          att[s + x] = Math.exp(att[s + x] - acc[x]);
        }
      }
      Arrays.fill(acc, 0.0);
      for (int j = 0; j <= i; j++) {
        int s = (i * t + j) * p;
        for (int x = 0; x < p; x++) {
          acc[x] += att[s + x];
        }
      }
      for (int x = 0; x < p; x++) {
        acc[x] = 1.0 / acc[x];
      }
      for (int j = 0; j <= i; j++) {
        int s = (i * t + j) * p;
        for (int x = 0; x < p; x++) {
          att[s + x] *= acc[x];
        }
        // ctx[i, c, :] += att[i, j, :] v[j, c, :]
        for (int c = 0; c < dh; c++) {
          int ci = (i * dh + c) * p;
          int vj = (j * dh + c) * p;
          for (int x = 0; x < p; x++) {
            ctx[ci + x] += att[s + x] * v[vj + x];
          }
        }
      }
    }
    scatter(ctx, ctxOut);
  }

  /** From dctx, writes dq, dk and dv (q, k, v are those of the last {@link #forward}). */
  void backward(Mat dctxIn, Mat dqOut, Mat dkOut, Mat dvOut) {
    final double[] q = this.q;
    final double[] k = this.k;
    final double[] v = this.v;
    final double[] att = this.att;
    final double[] datt = this.datt;
    final double[] dctx = this.dctx;
    final double[] dq = this.dq;
    final double[] dk = this.dk;
    final double[] dv = this.dv;
    final double[] acc = this.acc;
    final int t = this.t;
    final int dh = this.dh;
    final double scale = this.scale;
    gather(dctxIn, dctx);
    Arrays.fill(dq, 0.0);
    Arrays.fill(dk, 0.0);
    Arrays.fill(dv, 0.0);
    Arrays.fill(datt, 0.0);
    int p = pairs;
    for (int i = 0; i < t; i++) {
      for (int j = 0; j <= i; j++) {
        int s = (i * t + j) * p;
        for (int c = 0; c < dh; c++) {
          int ci = (i * dh + c) * p;
          int vj = (j * dh + c) * p;
          // datt[i, j] = dctx[i, :] . v[j, :]; dv[j, :] += att[i, j] dctx[i, :] (one store
          // per loop: the JIT vectorises those)
          for (int x = 0; x < p; x++) {
            datt[s + x] += dctx[ci + x] * v[vj + x];
          }
          for (int x = 0; x < p; x++) {
            dv[vj + x] += att[s + x] * dctx[ci + x];
          }
        }
      }
      // ds[i, j] = att[i, j] (datt[i, j] - sum_j' att[i, j'] datt[i, j']) scale
      Arrays.fill(acc, 0.0);
      for (int j = 0; j <= i; j++) {
        int s = (i * t + j) * p;
        for (int x = 0; x < p; x++) {
          acc[x] += att[s + x] * datt[s + x];
        }
      }
      for (int j = 0; j <= i; j++) {
        int s = (i * t + j) * p;
        for (int x = 0; x < p; x++) {
          datt[s + x] = att[s + x] * (datt[s + x] - acc[x]) * scale;
        }
        for (int c = 0; c < dh; c++) {
          int qi = (i * dh + c) * p;
          int kj = (j * dh + c) * p;
          for (int x = 0; x < p; x++) {
            dq[qi + x] += datt[s + x] * k[kj + x];
          }
          for (int x = 0; x < p; x++) {
            dk[kj + x] += datt[s + x] * q[qi + x];
          }
        }
      }
    }
    scatter(dq, dqOut);
    scatter(dk, dkOut);
    scatter(dv, dvOut);
  }

  /** [B * T, d] matrix -> [T, dh, pairs] buffer. */
  private void gather(Mat m, double[] out) {
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < t; i++) {
        int src = (b * t + i) * d;
        for (int h = 0; h < heads; h++) {
          int pair = b * heads + h;
          for (int c = 0; c < dh; c++) {
            out[(i * dh + c) * pairs + pair] = m.get(src + h * dh + c);
          }
        }
      }
    }
  }

  /** [T, dh, pairs] buffer -> [B * T, d] matrix. */
  private void scatter(double[] in, Mat m) {
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < t; i++) {
        int dst = (b * t + i) * d;
        for (int h = 0; h < heads; h++) {
          int pair = b * heads + h;
          for (int c = 0; c < dh; c++) {
            m.set(dst + h * dh + c, in[(i * dh + c) * pairs + pair]);
          }
        }
      }
    }
  }
}
