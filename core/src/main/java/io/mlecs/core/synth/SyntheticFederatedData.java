package io.mlecs.core.synth;

import io.mlecs.core.data.DatasetSpec;
import io.mlecs.core.data.DeviceData;
import io.mlecs.core.data.FederatedData;
import io.mlecs.core.data.Modality;
import io.mlecs.core.data.Sample;
import io.mlecs.core.data.TaskType;
import io.mlecs.core.util.Seeds;
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
    Generator g = generator(spec, o, r);
    List<Sample> publicTrain = g.samples("pub", o.publicTrain(), spec.fullMask());
    List<Sample> publicTest = g.samples("pubtest", o.publicTest(), spec.fullMask());
    List<DeviceData> devices = new ArrayList<>();
    for (int d = 0; d < o.numDevices(); d++) {
      devices.add(device(g, d, drawMask(r, spec.numModalities(), o.mer())));
    }
    return new FederatedData(spec, publicTrain, publicTest, devices);
  }

  /**
   * The public part of {@link #generate} (the same public training and test samples) and no
   * devices: what a driver holds when the devices are built where they are trained
   * ({@link #deviceOwnStream}).
   */
  public static FederatedData publicPart(SyntheticOptions o) {
    DatasetSpec spec = spec(o.task());
    Generator g = generator(spec, o, new SplittableRandom(o.seed()));
    return new FederatedData(spec, g.samples("pub", o.publicTrain(), spec.fullMask()),
        g.samples("pubtest", o.publicTest(), spec.fullMask()), List.of());
  }

  /**
   * Device {@code d} built on its own random stream (seed, d): the classes' centres and the
   * modalities' projections are those of {@link #generate} with the same seed, but the device's
   * modality draw and samples come from {@code Seeds.derive(seed, 0, d, DATA)}. So any device can
   * be built anywhere (in the Spark task that trains it) without the others, and device d is the
   * same for every N. These are not the samples of {@code generate(o)}'s device d, which draws the
   * devices one after another from one stream.
   */
  public static DeviceData deviceOwnStream(SyntheticOptions o, int d) {
    if (d < 0 || d >= o.numDevices()) {
      throw new IllegalArgumentException("device " + d + " is outside 0.." + (o.numDevices() - 1));
    }
    DatasetSpec spec = spec(o.task());
    SplittableRandom own = new SplittableRandom(Seeds.derive(o.seed(), 0, d, Seeds.Purpose.DATA));
    Generator g = generator(spec, o, new SplittableRandom(o.seed())).on(own);
    return device(g, d, drawMask(own, spec.numModalities(), o.mer()));
  }

  private static DeviceData device(Generator g, int d, int mask) {
    List<Sample> all = g.samples("d" + d, g.o().privatePerDevice(), mask);
    int test = Math.max(1, all.size() / 10);
    return new DeviceData(d, mask, all.subList(test, all.size()), all.subList(0, test));
  }

  /** The classes' centres and the modalities' projections: the first draws of {@code r}. */
  private static Generator generator(DatasetSpec spec, SyntheticOptions o, SplittableRandom r) {
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
    return new Generator(spec, o, centers, w, r);
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
    /** The same centres and projections, drawing samples from {@code other}. */
    Generator on(SplittableRandom other) {
      return new Generator(spec, o, centers, w, other);
    }

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
