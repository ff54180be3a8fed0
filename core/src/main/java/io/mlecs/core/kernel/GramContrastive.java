package io.mlecs.core.kernel;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * The symmetric Gram-volume contrastive loss of {@code io.mlecs.core.loss.GramContrastiveLoss}
 * over {@code io.mlecs.core.loss.GramVolume}, forward and backward: rows normalised as
 * x / sqrt(|x|^2 + eps); V(u, v) = sqrt(relu(det G) + eps) with G the k x k Gram matrix (unit
 * diagonal, as the graph takes it) of anchor u and the other vectors of sample v; logits
 * -V / tau; the mean of the cross-entropies of the rows of [logits; logits^T] against
 * [targets; targets^T]. The gradient of det G with respect to an off-diagonal entry is twice its
 * cofactor (the entry appears twice in the symmetric matrix).
 */
final class GramContrastive {
  private final int batch;
  private final int dim;
  private final int others;
  private final double eps;
  private final double[][] norm;
  private final double[][] dnorm;
  private final double[] volume;
  /** The forward pass's Gram matrices (k x k per pair u, v) and determinants, for the backward. */
  private final double[] grams;
  private final double[] dets;
  private final double[] cofactor;
  private final Mat both;
  private final Mat bothTargets;
  private final Mat bothGrad;
  private final Mat ones;

  /**
   * @param batch B
   * @param dim d_s
   * @param others number of non-anchor vectors per tuple (k - 1, 1..3)
   * @param eps the volume eps (normalisation and square root)
   */
  GramContrastive(int batch, int dim, int others, double eps, DataType dt) {
    if (others < 1 || others > 3) {
      throw new IllegalArgumentException("Gram volume needs 2..4 vectors, got k = "
          + (others + 1));
    }
    this.batch = batch;
    this.dim = dim;
    this.others = others;
    this.eps = eps;
    this.norm = new double[others + 1][batch * dim];
    this.dnorm = new double[others + 1][batch * dim];
    this.volume = new double[batch * batch];
    this.grams = new double[batch * batch * (others + 1) * (others + 1)];
    this.dets = new double[batch * batch];
    this.cofactor = new double[(others + 1) * (others + 1)];
    this.both = Mat.zeros(dt, 2 * batch, batch);
    this.bothTargets = Mat.zeros(dt, 2 * batch, batch);
    this.bothGrad = Mat.zeros(dt, 2 * batch, batch);
    this.ones = Mat.zeros(dt, 1, 2 * batch);
    ones.fill(1.0);
  }

  /**
   * Loss of one batch. {@code vectors[0]} is the anchor, {@code vectors[1..]} the others, each
   * [B, d_s]; {@code grads[i]}, where not null, receives the gradient of vector i (added);
   * returns the loss and stores d loss / d log tau in {@code logTauGrad[0]}.
   */
  double forwardBackward(Mat[] vectors, Mat[] grads, Mat targets, double logTau,
      double[] logTauGrad) {
    int k = others + 1;
    for (int i = 0; i < k; i++) {
      normalise(vectors[i], norm[i]);
      java.util.Arrays.fill(dnorm[i], 0.0);
    }
    double invTau = Math.exp(-logTau);
    double[] g = new double[k * k];
    for (int u = 0; u < batch; u++) {
      for (int v = 0; v < batch; v++) {
        gram(u, v, g);
        System.arraycopy(g, 0, grams, (u * batch + v) * k * k, k * k);
        double det = Determinants.of(g, k);
        dets[u * batch + v] = det;
        double vol = Math.sqrt(Math.max(det, 0.0) + eps);
        volume[u * batch + v] = vol;
        double logit = -vol * invTau;
        both.set(u * batch + v, logit);
        both.set((batch + v) * batch + u, logit);
        bothTargets.set(u * batch + v, targets.get(u * batch + v));
        bothTargets.set((batch + v) * batch + u, targets.get(u * batch + v));
      }
    }
    double loss = MaskedCrossEntropy.forwardBackward(both, bothTargets, ones, bothGrad);
    double dLogTau = 0;
    for (int u = 0; u < batch; u++) {
      for (int v = 0; v < batch; v++) {
        double dLogit = bothGrad.get(u * batch + v) + bothGrad.get((batch + v) * batch + u);
        double vol = volume[u * batch + v];
        dLogTau += dLogit * vol * invTau;
        double dVol = -dLogit * invTau;
        if (dets[u * batch + v] <= 0.0 || dVol == 0.0) {
          continue;
        }
        double dDet = dVol / (2.0 * vol);
        System.arraycopy(grams, (u * batch + v) * k * k, g, 0, k * k);
        Determinants.cofactors(g, k, cofactor);
        for (int i = 0; i < k; i++) {
          for (int j = i + 1; j < k; j++) {
            double dEntry = 2.0 * cofactor[i * k + j] * dDet;
            // entry (0, j): anchor u . other j of sample v; entry (i, j), i > 0: both of v
            int ri = i == 0 ? u : v;
            addScaled(dnorm[i], ri, norm[j], v, dEntry);
            addScaled(dnorm[j], v, norm[i], ri, dEntry);
          }
        }
      }
    }
    logTauGrad[0] = dLogTau;
    for (int i = 0; i < k; i++) {
      if (grads[i] != null) {
        normaliseBackwardAdd(vectors[i], dnorm[i], grads[i]);
      }
    }
    return loss;
  }

  /** The Gram matrix of anchor u and the others of sample v (row-major k x k, unit diagonal). */
  private void gram(int u, int v, double[] g) {
    int k = others + 1;
    for (int i = 0; i < k; i++) {
      g[i * k + i] = 1.0;
      for (int j = i + 1; j < k; j++) {
        double dot = dot(norm[i], i == 0 ? u : v, norm[j], v);
        g[i * k + j] = dot;
        g[j * k + i] = dot;
      }
    }
  }

  private double dot(double[] a, int ra, double[] b, int rb) {
    double s = 0;
    for (int c = 0; c < dim; c++) {
      s += a[ra * dim + c] * b[rb * dim + c];
    }
    return s;
  }

  private void addScaled(double[] dst, int rd, double[] src, int rs, double scale) {
    for (int c = 0; c < dim; c++) {
      dst[rd * dim + c] += scale * src[rs * dim + c];
    }
  }

  /** out = x / sqrt(|x|^2 + eps), row by row. */
  private void normalise(Mat x, double[] out) {
    for (int r = 0; r < batch; r++) {
      double sq = 0;
      for (int c = 0; c < dim; c++) {
        double v = x.get(r * dim + c);
        out[r * dim + c] = v;
        sq += v * v;
      }
      double inv = 1.0 / Math.sqrt(sq + eps);
      for (int c = 0; c < dim; c++) {
        out[r * dim + c] *= inv;
      }
    }
  }

  /** dx += r dn - r^3 x (x . dn), r = 1 / sqrt(|x|^2 + eps). */
  private void normaliseBackwardAdd(Mat x, double[] dn, Mat dx) {
    for (int row = 0; row < batch; row++) {
      double sq = 0;
      double xdn = 0;
      for (int c = 0; c < dim; c++) {
        double v = x.get(row * dim + c);
        sq += v * v;
        xdn += v * dn[row * dim + c];
      }
      double r = 1.0 / Math.sqrt(sq + eps);
      double r3 = r * r * r;
      for (int c = 0; c < dim; c++) {
        dx.add(row * dim + c, r * dn[row * dim + c] - r3 * x.get(row * dim + c) * xdn);
      }
    }
  }
}
