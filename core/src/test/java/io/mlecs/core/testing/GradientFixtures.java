package io.mlecs.core.testing;

import io.mlecs.core.data.DatasetSpec;
import io.mlecs.core.data.Modality;
import io.mlecs.core.data.Sample;
import io.mlecs.core.model.ModelShape;
import io.mlecs.core.model.ParamInit;
import io.mlecs.core.model.ParamStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Parameters and samples for the gradient checks of the unified model (DOUBLE). */
public final class GradientFixtures {
  private static final DataType DT = DataType.DOUBLE;

  private GradientFixtures() {}

  /** Backbone, LoRA (B non-zero), connector and the encoders of {@code mask}, in DOUBLE. */
  public static ParamStore params(ModelShape shape, int mask, long seed) {
    ParamStore p = new ParamStore();
    ParamInit.backbone(p, shape, seed, DT);
    ParamInit.lora(p, shape.config(), seed + 1, DT);
    ParamInit.connectorCore(p, shape.config(), seed + 2, DT);
    List<Modality> mods = shape.dataset().modalities();
    for (int m = 0; m < mods.size(); m++) {
      if ((mask & (1 << m)) != 0) {
        ParamInit.encoder(p, shape.config(), mods.get(m), seed + 10 + m, DT);
        ParamInit.projector(p, shape.config(), mods.get(m), seed + 20 + m, DT);
      }
    }
    // make LoRA B non-zero so gradients w.r.t. A are not trivially zero
    for (String n : p.namesWithPrefix("lora.")) {
      if (n.endsWith(".b")) {
        p.get(n).assign(Nd4j.rand(DT, p.get(n).shape()).subi(0.5).muli(0.3));
      }
    }
    return p;
  }

  /**
   * {@code n} samples with Gaussian features and two-word captions; with {@code dropSome} every
   * other sample lacks modality 1.
   */
  public static List<Sample> samples(DatasetSpec spec, int n, long seed, boolean dropSome) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] words = {"a", "cat", "runs", "dog", "sits"};
    List<Sample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[][] f = new float[spec.numModalities()][];
      for (int m = 0; m < f.length; m++) {
        if (dropSome && m == 1 && i % 2 == 0) {
          continue;
        }
        f[m] = new float[spec.modalities().get(m).dim()];
        for (int j = 0; j < f[m].length; j++) {
          f[m][j] = (float) r.nextGaussian();
        }
      }
      String text = words[r.nextInt(words.length)] + " " + words[r.nextInt(words.length)];
      out.add(new Sample("s" + i, "g" + i, f, text, -1));
    }
    return out;
  }
}
