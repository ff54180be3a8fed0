package io.mlecs.core.loss;

import java.util.List;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Gram volume V(v_1..v_k) = sqrt(det(A^T A)) of k = 2..4 L2-normalised vectors, built from
 * plain SameDiff ops so it has a working gradient (SameDiff 1.0.0-M2.1 has no backprop for
 * matrixDeterminant/logdet/cholesky and a wrong one for matrixInverse). The determinant of the
 * k x k Gram matrix is expanded explicitly (Laplace expansion); its diagonal is 1 because the
 * columns are unit vectors; an {@code eps} inside the square root keeps the gradient finite at
 * V = 0.
 *
 * <p>SameDiff 1.0.0-M2.1 trap: {@code x.mul(x)} (one variable as both inputs of a binary op) gets
 * half its gradient; squares use {@code square} and the mirrored Gram entries are distinct nodes.
 */
public final class GramVolume {
  private GramVolume() {}

  /** Row-wise L2 normalisation x / sqrt(|x|^2 + eps) of a [B, d] variable. */
  public static SDVariable normalizeRows(SameDiff sd, SDVariable x, double eps) {
    SDVariable inv = sd.math().rsqrt(sd.math().square(x).sum(true, 1).add(eps));
    return x.mul(inv);
  }

  /**
   * Volume matrix for a batch: entry (u, v) = V(anchor_u, others_1[v], ..., others_{k-1}[v]).
   * All inputs must already be row-normalised [B, d] variables.
   */
  public static SDVariable volumeMatrix(
      SameDiff sd, SDVariable anchor, List<SDVariable> others, double eps) {
    return volumeMatrix(sd, anchor, others, eps, true);
  }

  /**
   * As {@link #volumeMatrix(SameDiff, SDVariable, List, double)}; with {@code unitVectors} false
   * the Gram diagonal is computed from the data, giving the volume of raw (unnormalised) vectors
   * (a reference check for a single tuple, B = 1).
   */
  public static SDVariable volumeMatrix(
      SameDiff sd, SDVariable anchor, List<SDVariable> others, double eps, boolean unitVectors) {
    int k = others.size() + 1;
    if (k < 2 || k > 4) {
      throw new IllegalArgumentException("Gram volume needs 2..4 vectors, got k = " + k);
    }
    SDVariable[][] g = new SDVariable[k][k];
    SDVariable one = sd.constant(Nd4j.scalar(anchor.dataType(), 1.0));
    // [B, 1] column of ones: per-sample rows [1, B] are expanded to [B, B] with a plain matrix
    // product, because M2.1's broadcasting binary ops back-propagate wrongly into the smaller
    // operand
    SDVariable ones = sd.onesLike(anchor).get(SDIndex.all(), SDIndex.interval(0, 1));
    for (int i = 0; i < k; i++) {
      if (unitVectors) {
        g[i][i] = one;
      } else if (i == 0) {
        g[0][0] = sd.math().square(anchor).sum(true, 1);
      } else {
        SDVariable o = others.get(i - 1);
        g[i][i] = sd.math().square(o).sum(false, 1).reshape(1, -1);
      }
    }
    for (int i = 1; i < k; i++) {
      // anchor of row u with modality i of sample v: [B, B]
      SDVariable av = anchor.mmul(others.get(i - 1).permute(1, 0));
      g[0][i] = av;
      // a distinct node for the mirrored entry: SameDiff M2.1 back-propagates mul(x, x) once
      g[i][0] = av.mul(1.0);
      for (int j = i + 1; j < k; j++) {
        // modality i with modality j of the same sample v, repeated for every anchor u: [B, B]
        SDVariable mm = ones.mmul(
            others.get(i - 1).mul(others.get(j - 1)).sum(false, 1).reshape(1, -1));
        g[i][j] = mm;
        g[j][i] = mm.mul(1.0);
      }
    }
    SDVariable det = determinant(g, k);
    return sd.math().sqrt(sd.nn().relu(det, 0.0).add(eps));
  }

  /** Laplace expansion along the first row; entries are broadcast-compatible variables. */
  static SDVariable determinant(SDVariable[][] m, int n) {
    if (n == 1) {
      return m[0][0];
    }
    if (n == 2) {
      return m[0][0].mul(m[1][1]).sub(m[0][1].mul(m[1][0]));
    }
    SDVariable total = null;
    for (int c = 0; c < n; c++) {
      SDVariable[][] minor = new SDVariable[n - 1][n - 1];
      for (int r = 1; r < n; r++) {
        int cc = 0;
        for (int col = 0; col < n; col++) {
          if (col != c) {
            minor[r - 1][cc++] = m[r][col];
          }
        }
      }
      SDVariable term = m[0][c].mul(determinant(minor, n - 1));
      total = total == null ? term : (c % 2 == 0 ? total.add(term) : total.sub(term));
    }
    return total;
  }
}
