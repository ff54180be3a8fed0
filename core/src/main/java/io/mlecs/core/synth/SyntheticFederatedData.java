package io.mlecs.core.synth;

import io.mlecs.core.data.DatasetSpec;
import io.mlecs.core.data.DeviceData;
import io.mlecs.core.data.FederatedData;
import io.mlecs.core.data.Modality;
import io.mlecs.core.data.Sample;
import io.mlecs.core.data.TaskType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic multimodal federated data whose modalities share a latent factor: each sample
 * has a class / caption topic c and a latent vector mu_c + noise; modality m observes W_m times
 * that latent plus its own noise. Any one modality is informative but noisy, so seeing more
 * modalities helps and missing ones hurt, and aligning modalities (CCL) has something to find.
 * Captions are built from topic words, labels are tokens "0".."K-1".
 */
public final class SyntheticFederatedData {
  private static final int LATENT = 8;
  private static final String[][] TOPICS = {
    {"a man", "plays", "the guitar", "on a stage"},
    {"a woman", "cooks", "pasta", "in a kitchen"},
    {"a dog", "chases", "a ball", "in the park"},
    {"children", "play", "football", "on a field"},
    {"a car", "drives", "down a road", "at night"},
    {"a bird", "sings", "a song", "in a tree"}
  };
  private static final String[] SOUNDS = {"loudly", "quietly", "happily", "slowly"};

  private SyntheticFederatedData() {}

  /** The dataset description the generator uses for a task. */
  public static DatasetSpec spec(TaskType task) {
    if (task == TaskType.CLASSIFICATION) {
      return new DatasetSpec("synthetic-urfall", task, List.of(new Modality("rgb", 16),
          new Modality("depth", 8), new Modality("acce", 3)), "what is the activity label", 2, 3);
    }
    return new DatasetSpec("synthetic-vast", task, List.of(new Modality("vision", 24),
        new Modality("audio", 12), new Modality("subtitle", 16)), "describe the clip", 10, 0);
  }

  public static FederatedData generate(SyntheticOptions o) {
    DatasetSpec spec = spec(o.task());
    SplittableRandom r = new SplittableRandom(o.seed());
    int classes = o.task() == TaskType.CLASSIFICATION ? 3 : TOPICS.length;
    double[][] centers = new double[classes][LATENT];
    for (double[] c : centers) {
      for (int i = 0; i < LATENT; i++) {
        c[i] = r.nextGaussian() * 1.5;
      }
    }
    double[][][] w = new double[spec.numModalities()][][];
    for (int m = 0; m < w.length; m++) {
      w[m] = new double[spec.modalities().get(m).dim()][LATENT];
      for (double[] row : w[m]) {
        for (int i = 0; i < LATENT; i++) {
          row[i] = r.nextGaussian() / Math.sqrt(LATENT);
        }
      }
    }
    Generator g = new Generator(spec, o, centers, w, r);
    List<Sample> publicTrain = g.samples("pub", o.publicTrain(), spec.fullMask());
    List<Sample> publicTest = g.samples("pubtest", o.publicTest(), spec.fullMask());
    List<DeviceData> devices = new ArrayList<>();
    for (int d = 0; d < o.numDevices(); d++) {
      int mask = drawMask(r, spec.numModalities(), o.mer());
      List<Sample> all = g.samples("d" + d, o.privatePerDevice(), mask);
      int test = Math.max(1, all.size() / 10);
      devices.add(new DeviceData(d, mask, all.subList(test, all.size()), all.subList(0, test)));
    }
    return new FederatedData(spec, publicTrain, publicTest, devices);
  }

  /** Bernoulli(mer) per modality, re-drawn until the device owns at least one modality. */
  public static int drawMask(SplittableRandom r, int modalities, double mer) {
    while (true) {
      int mask = 0;
      for (int m = 0; m < modalities; m++) {
        if (r.nextDouble() < mer) {
          mask |= 1 << m;
        }
      }
      if (mask != 0) {
        return mask;
      }
    }
  }

  private record Generator(DatasetSpec spec, SyntheticOptions o, double[][] centers,
      double[][][] w, SplittableRandom r) {
    List<Sample> samples(String prefix, int n, int mask) {
      List<Sample> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int c = r.nextInt(centers.length);
        double[] z = new double[LATENT];
        for (int k = 0; k < LATENT; k++) {
          z[k] = centers[c][k] + 0.3 * r.nextGaussian();
        }
        float[][] f = new float[spec.numModalities()][];
        for (int m = 0; m < f.length; m++) {
          if ((mask & (1 << m)) == 0) {
            continue;
          }
          f[m] = new float[w[m].length];
          for (int j = 0; j < f[m].length; j++) {
            double v = 0;
            for (int k = 0; k < LATENT; k++) {
              v += w[m][j][k] * z[k];
            }
            f[m][j] = (float) (v + o.noise() * r.nextGaussian());
          }
        }
        String target;
        int label;
        if (spec.task() == TaskType.CLASSIFICATION) {
          label = c;
          target = Integer.toString(c);
        } else {
          label = -1;
          String[] t = TOPICS[c];
          target = t[0] + " " + t[1] + " " + t[2] + " " + t[3] + " "
              + SOUNDS[(int) Math.floorMod(Math.round(z[0] * 2), SOUNDS.length)];
        }
        String id = prefix + "-" + i;
        out.add(new Sample(id, id, f, target, label));
      }
      return out;
    }
  }
}
