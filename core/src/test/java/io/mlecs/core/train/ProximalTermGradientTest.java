package io.mlecs.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.core.data.DatasetSpec;
import io.mlecs.core.data.Sample;
import io.mlecs.core.data.WordTokenizer;
import io.mlecs.core.model.BatchEncoder;
import io.mlecs.core.model.GraphSpec;
import io.mlecs.core.model.ModelShape;
import io.mlecs.core.model.Objective;
import io.mlecs.core.model.ParamInit;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.model.UnifiedModelGraph;
import io.mlecs.core.testing.TinyModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * FedProx as the trainer applies it (graph LM loss + (mu/2)||w - w_global||^2 on LoRA, gradient
 * add-on): central finite differences in DOUBLE of the combined loss against the combined
 * gradient the optimiser receives.
 */
class ProximalTermGradientTest {
  private static final DataType DT = DataType.DOUBLE;

  @Test
  void proximalGradientAddOnMatchesFiniteDifferences() {
    DatasetSpec ds = TinyModels.dataset();
    ModelShape shape = new ModelShape(TinyModels.config(), 9, 1, ds);
    WordTokenizer tok = WordTokenizer.build(List.of("a cat runs dog sits"), 9);
    BatchEncoder enc = new BatchEncoder(shape, tok, tok.encode("a"));
    int mask = 0b011;
    ParamStore p = new ParamStore();
    ParamInit.backbone(p, shape, 1, DT);
    ParamInit.lora(p, shape.config(), 2, DT);
    ParamInit.connectorCore(p, shape.config(), 3, DT);
    for (int m = 0; m < 2; m++) {
      ParamInit.encoder(p, shape.config(), ds.modalities().get(m), 10 + m, DT);
      ParamInit.projector(p, shape.config(), ds.modalities().get(m), 20 + m, DT);
    }
    SplittableRandom r = new SplittableRandom(5);
    for (String n : p.namesWithPrefix("lora.")) {
      if (n.endsWith(".b")) {
        p.get(n).assign(Nd4j.rand(DT, p.get(n).shape()).subi(0.5).muli(0.3));
      }
    }
    // w_global: the LoRA shifted by random offsets, so the proximal term is far from zero
    ParamStore anchor = p.copyOf(ParamStore.LORA);
    for (String n : anchor.names()) {
      INDArray a = anchor.get(n);
      for (long i = 0; i < a.length(); i++) {
        a.putScalar(i, a.getDouble(i) + 0.3 * r.nextGaussian());
      }
    }
    UnifiedModelGraph g = UnifiedModelGraph.build(GraphSpec.of(shape, mask, Objective.LM), p, DT);
    StageTrainer trainer = new StageTrainer(g, enc);
    List<Sample> batch = samples(ds, 3, 7);
    StageTrainer.Extras toDouble = (b, ph) -> ph.replaceAll((k, v) ->
        v.dataType() == DataType.FLOAT ? v.castTo(DT) : v);
    List<String> vars = TrainableSets.deviceAmt(p);
    double mu = 0.7;
    ProximalTerm prox = new ProximalTerm(mu, anchor);

    StageTrainer.LossAndGradients with = trainer.lossAndGradients(p, batch, vars, 0, toDouble,
        prox);
    StageTrainer.LossAndGradients without = trainer.lossAndGradients(p, batch, vars, 0, toDouble,
        StageTrainer.Penalty.none());
    // exact: value mu/2 ||w - w0||^2, gradient mu (w - w0) on LoRA, nothing on encoders
    assertEquals(prox.value(p), with.loss() - without.loss(), 1e-12);
    assertTrue(prox.value(p) > 0.01, "proximal term too small: " + prox.value(p));
    for (String n : vars) {
      INDArray diff = with.gradients().get(n).sub(without.gradients().get(n));
      INDArray expected = n.startsWith(ParamStore.LORA)
          ? p.get(n).sub(anchor.get(n)).muli(mu) : Nd4j.zeros(DT, p.get(n).shape());
      assertTrue(diff.equalsWithEps(expected, 1e-12), n);
    }

    double eps = 1e-6;
    double worst = 0;
    String where = "";
    int checked = 0;
    for (String n : vars) {
      INDArray arr = p.get(n);
      INDArray grad = with.gradients().get(n);
      for (int c = 0; c < 4; c++) {
        long i = r.nextLong(arr.length());
        double orig = arr.getDouble(i);
        arr.putScalar(i, orig + eps);
        double plus = trainer.lossAndGradients(p, batch, vars, 0, toDouble, prox).loss();
        arr.putScalar(i, orig - eps);
        double minus = trainer.lossAndGradients(p, batch, vars, 0, toDouble, prox).loss();
        arr.putScalar(i, orig);
        double fd = (plus - minus) / (2 * eps);
        double an = grad.getDouble(i);
        double rel = Math.abs(fd - an) < 1e-8 ? 0
            : Math.abs(fd - an) / Math.max(Math.abs(fd) + Math.abs(an), 1e-8);
        checked++;
        if (rel > worst) {
          worst = rel;
          where = n + "[" + i + "] fd=" + fd + " analytic=" + an;
        }
      }
    }
    assertTrue(checked >= 40, "checked " + checked);
    assertTrue(worst < 1e-5, "worst " + where + " rel " + worst);
  }

  static List<Sample> samples(DatasetSpec spec, int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] words = {"a", "cat", "runs", "dog", "sits"};
    List<Sample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[][] f = new float[spec.numModalities()][];
      for (int m = 0; m < f.length; m++) {
        f[m] = new float[spec.modalities().get(m).dim()];
        for (int j = 0; j < f[m].length; j++) {
          f[m][j] = (float) r.nextGaussian();
        }
      }
      out.add(new Sample("s" + i, "g" + i, f,
          words[r.nextInt(words.length)] + " " + words[r.nextInt(words.length)], -1));
    }
    return out;
  }
}
