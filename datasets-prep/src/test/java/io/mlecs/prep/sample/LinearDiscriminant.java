package io.mlecs.prep.sample;

import java.util.List;

/**
 * A tiny linear discriminant (Gaussian classes with one shared, ridge-regularised covariance) used to check
 * that generated data is learnable and that more modalities help: per-modality log-likelihoods are summed.
 */
final class LinearDiscriminant {
  private final double[][] mean;
  private final double[][] precision;

  private LinearDiscriminant(double[][] mean, double[][] precision) {
    this.mean = mean;
    this.precision = precision;
  }

  static LinearDiscriminant fit(List<float[]> x, List<Integer> y, int classes) {
    int dim = x.get(0).length;
    double[][] mean = new double[classes][dim];
    int[] n = new int[classes];
    for (int i = 0; i < x.size(); i++) {
      n[y.get(i)]++;
      for (int d = 0; d < dim; d++) {
        mean[y.get(i)][d] += x.get(i)[d];
      }
    }
    for (int c = 0; c < classes; c++) {
      for (int d = 0; d < dim; d++) {
        mean[c][d] /= Math.max(1, n[c]);
      }
    }
    double[][] cov = new double[dim][dim];
    for (int i = 0; i < x.size(); i++) {
      double[] e = new double[dim];
      for (int d = 0; d < dim; d++) {
        e[d] = x.get(i)[d] - mean[y.get(i)][d];
      }
      for (int a = 0; a < dim; a++) {
        for (int b = 0; b < dim; b++) {
          cov[a][b] += e[a] * e[b] / x.size();
        }
      }
    }
    double trace = 0;
    for (int d = 0; d < dim; d++) {
      trace += cov[d][d];
    }
    for (int d = 0; d < dim; d++) {
      cov[d][d] += 1e-3 * trace / dim + 1e-12;
    }
    return new LinearDiscriminant(mean, invert(cov));
  }

  /** -0.5 * Mahalanobis distance to each class mean. */
  double[] score(float[] x) {
    int dim = x.length;
    double[] s = new double[mean.length];
    for (int c = 0; c < mean.length; c++) {
      double[] e = new double[dim];
      for (int d = 0; d < dim; d++) {
        e[d] = x[d] - mean[c][d];
      }
      double q = 0;
      for (int a = 0; a < dim; a++) {
        double row = 0;
        for (int b = 0; b < dim; b++) {
          row += precision[a][b] * e[b];
        }
        q += e[a] * row;
      }
      s[c] = -0.5 * q;
    }
    return s;
  }

  private static double[][] invert(double[][] m) {
    int n = m.length;
    double[][] a = new double[n][2 * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(m[i], 0, a[i], 0, n);
      a[i][n + i] = 1;
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] t = a[col];
      a[col] = a[pivot];
      a[pivot] = t;
      double p = a[col][col];
      for (int k = 0; k < 2 * n; k++) {
        a[col][k] /= p;
      }
      for (int r = 0; r < n; r++) {
        if (r != col && a[r][col] != 0) {
          double f = a[r][col];
          for (int k = 0; k < 2 * n; k++) {
            a[r][k] -= f * a[col][k];
          }
        }
      }
    }
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], n, inv[i], 0, n);
    }
    return inv;
  }
}
