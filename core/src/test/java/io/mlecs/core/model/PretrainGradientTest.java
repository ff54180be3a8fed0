package io.mlecs.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.core.data.Sample;
import io.mlecs.core.data.WordTokenizer;
import io.mlecs.core.testing.GradientCheck;
import io.mlecs.core.testing.GradientFixtures;
import io.mlecs.core.testing.TinyModels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Backbone pretraining graphs (every {@code base.*} tensor trainable): gradients against finite
 * differences in DOUBLE; and the one-hot product that would fix the embedding gradient equals the
 * gather lookup exactly.
 */
class PretrainGradientTest {
  private static final DataType DT = DataType.DOUBLE;

  private static ModelShape shape() {
    return new ModelShape(TinyModels.config(), 9, 1, TinyModels.dataset());
  }

  private static Map<String, INDArray> placeholders(ModelShape shape, List<Sample> batch) {
    WordTokenizer tok = WordTokenizer.build(List.of("a cat runs dog sits"), 9);
    BatchEncoder enc = new BatchEncoder(shape, tok, tok.encode("a"));
    Map<String, INDArray> ph = enc.encode(batch, List.of(), List.of(), DT);
    ph.keySet().removeIf(k -> k.startsWith("feat_") || k.equals(GraphInputs.MASK));
    return ph;
  }

  private static GraphSpec pretrainSpec(ModelShape shape) {
    return new GraphSpec(shape, 0, Objective.LM, -1, true, false, 0.0, 1.0, 1e-6);
  }

  @Test
  void pretrainingGradientsMatchFiniteDifferences() {
    ModelShape shape = shape();
    ParamStore p = new ParamStore();
    ParamInit.backbone(p, shape, 3, DT);
    // non-trivial norms so that their gradients are exercised
    for (String n : p.names(n -> n.endsWith(".g") || n.endsWith(".b"))) {
      p.get(n).addi(Nd4j.rand(DT, p.get(n).shape()).subi(0.5).muli(0.2));
    }
    UnifiedModelGraph g = UnifiedModelGraph.build(pretrainSpec(shape), p, DT);
    List<Sample> batch = GradientFixtures.samples(shape.dataset(), 3, 5, false);
    Map<String, INDArray> ph = placeholders(shape, batch);
    int pTokens = shape.config().promptTokens();
    ph.put(GraphInputs.SOFT, Nd4j.zeros(DT, batch.size(), pTokens, shape.config().dModel()));
    GradientCheck.Result r = GradientCheck.check(g.sameDiff(), ph, GraphInputs.LOSS, p.names(),
        4, 1e-6, 9);
    assertTrue(r.checked() > 30, "too few entries checked: " + r.checked());
    assertTrue(r.maxRelativeError() < 1e-4, "worst: " + r.where() + " rel "
        + r.maxRelativeError());
  }

  @Test
  void oneHotLookupEqualsGatherExactly() {
    SameDiff sd = SameDiff.create();
    INDArray e = Nd4j.rand(DataType.FLOAT, 9, 8).subi(0.5f);
    SDVariable emb = sd.constant("emb", e);
    SDVariable tokens = sd.constant("tokens", Nd4j.createFromArray(3, 0, 8, 8, 1, 5));
    INDArray viaOneHot = sd.oneHot(tokens, 9, -1, 1.0, 0.0, DataType.FLOAT).mmul(emb).eval();
    INDArray viaGather = sd.gather(emb, tokens, 0).eval();
    assertEquals(viaGather, viaOneHot);
  }
}
