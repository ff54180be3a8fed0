package io.mlecs.core.loss;

import java.util.List;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

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
    // a unit diagonal entry is represented by null (= exactly 1): M2.1 cannot back-propagate
    // through products of constants such as 1 * 1
    SDVariable one = null;
    // [B, 1] column of ones: per-sample rows [1, B] are expanded to [B, B] with a plain matrix
    // product, because M2.1's broadcasting binary ops back-propagate wrongly into the smaller
    // operand
    // (created only when needed: a dangling node breaks M2.1's gradient session)
    SDVariable ones = k > 2 && unitVectors
        ? sd.onesLike(anchor).get(SDIndex.all(), SDIndex.interval(0, 1)) : null;
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
        SDVariable row = others.get(i - 1).mul(others.get(j - 1)).sum(false, 1).reshape(1, -1);
        SDVariable mm = ones == null ? row : ones.mmul(row);
        g[i][j] = mm;
        g[j][i] = mm.mul(1.0);
      }
    }
    SDVariable det = determinant(g, k);
    return sd.math().sqrt(sd.nn().relu(det, 0.0).add(eps));
  }

  /**
   * Laplace expansion along the first row; entries are broadcast-compatible variables, null
   * meaning the constant 1. Returns null only if the determinant is the constant 1.
   */
  static SDVariable determinant(SDVariable[][] m, int n) {
    if (n == 1) {
      return m[0][0];
    }
    if (n == 2) {
      return sub(mul(m[0][0], m[1][1]), mul(m[0][1], m[1][0]));
    }
    SDVariable total = null;
    boolean first = true;
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
      SDVariable term = mul(m[0][c], determinant(minor, n - 1));
      if (first) {
        total = term;
        first = false;
      } else {
        total = c % 2 == 0 ? add(total, term) : sub(total, term);
      }
    }
    return total;
  }

  private static SDVariable mul(SDVariable a, SDVariable b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a.mul(b);
  }

  private static SDVariable add(SDVariable a, SDVariable b) {
    if (a == null) {
      return b == null ? null : b.add(1.0);
    }
    return b == null ? a.add(1.0) : a.add(b);
  }

  private static SDVariable sub(SDVariable a, SDVariable b) {
    if (a == null) {
      return b == null ? null : b.rsub(1.0);
    }
    return b == null ? a.sub(1.0) : a.sub(b);
  }
}
