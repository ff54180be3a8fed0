package io.mlecs.core.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-feature standardisation (x - mean) / std of every vector modality, with statistics taken
 * from the public training data only (which every node may read), so devices and server scale
 * alike without any private data leaving a device. Raw prepared features (e.g. UR-FALL depth
 * features in millimetres, pixel statistics in 0..255) would otherwise saturate the encoders.
 * A feature with std below 1e-6 is only centred; standardised values are clipped to +-{@value
 * #CLIP} so that one feature that hardly varies in the public data cannot dominate a private
 * sample.
 */
public final class FeatureScaler implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Bound of a standardised value. */
  public static final float CLIP = 8f;
  private final float[][] mean;
  private final float[][] inverseStd;

  private FeatureScaler(float[][] mean, float[][] inverseStd) {
    this.mean = mean;
    this.inverseStd = inverseStd;
  }

  /** Statistics over {@code samples} (missing modalities are skipped). */
  public static FeatureScaler fit(DatasetSpec spec, List<Sample> samples) {
    int m = spec.numModalities();
    float[][] mean = new float[m][];
    float[][] inv = new float[m][];
    for (int k = 0; k < m; k++) {
      int dim = spec.modalities().get(k).dim();
      double[] sum = new double[dim];
      double[] sq = new double[dim];
      int n = 0;
      for (Sample s : samples) {
        float[] f = s.features()[k];
        if (f == null) {
          continue;
        }
        n++;
        for (int j = 0; j < dim; j++) {
          sum[j] += f[j];
          sq[j] += (double) f[j] * f[j];
        }
      }
      mean[k] = new float[dim];
      inv[k] = new float[dim];
      for (int j = 0; j < dim; j++) {
        double mu = n == 0 ? 0 : sum[j] / n;
        double var = n == 0 ? 1 : Math.max(0, sq[j] / n - mu * mu);
        mean[k][j] = (float) mu;
        inv[k][j] = (float) (Math.sqrt(var) < 1e-6 ? 1.0 : 1.0 / Math.sqrt(var));
      }
    }
    return new FeatureScaler(mean, inv);
  }

  public Sample apply(Sample s) {
    float[][] out = new float[s.features().length][];
    for (int k = 0; k < out.length; k++) {
      float[] f = s.features()[k];
      if (f == null) {
        continue;
      }
      out[k] = new float[f.length];
      for (int j = 0; j < f.length; j++) {
        out[k][j] = Math.max(-CLIP, Math.min(CLIP, (f[j] - mean[k][j]) * inverseStd[k][j]));
      }
    }
    return new Sample(s.id(), s.groupId(), out, s.targetText(), s.label());
  }

  public List<Sample> apply(List<Sample> samples) {
    List<Sample> out = new ArrayList<>(samples.size());
    for (Sample s : samples) {
      out.add(apply(s));
    }
    return out;
  }

  public DeviceData apply(DeviceData d) {
    return new DeviceData(d.deviceId(), d.modalityMask(), apply(d.train()), apply(d.test()));
  }
}
