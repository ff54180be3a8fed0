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
import io.mlecs.core.testing.GradientCheck;
import io.mlecs.core.testing.GradientFixtures;
import io.mlecs.core.testing.TinyModels;
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
    List<Sample> batch = GradientFixtures.samples(ds, 3, 7, false);
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

    Map<String, INDArray> arrays = new java.util.LinkedHashMap<>();
    vars.forEach(n -> arrays.put(n, p.get(n)));
    GradientCheck.Result check = GradientCheck.check(arrays, with.gradients(),
        () -> trainer.lossAndGradients(p, batch, vars, 0, toDouble, prox).loss(), 4, 1e-6, 11);
    assertTrue(check.checked() >= 40, "checked " + check.checked());
    assertTrue(check.maxRelativeError() < 1e-5, "worst " + check.where() + " rel "
        + check.maxRelativeError());
  }
}
