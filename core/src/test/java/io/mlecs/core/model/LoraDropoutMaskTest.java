package io.mlecs.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.core.data.Sample;
import io.mlecs.core.data.WordTokenizer;
import io.mlecs.core.testing.GradientCheck;
import io.mlecs.core.testing.GradientFixtures;
import io.mlecs.core.testing.TinyModels;
import io.mlecs.core.train.StageTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The LoRA dropout masks carry the LoRA scale alpha / r (the graph does not multiply by it when
 * masks are fed): a mask of all-kept entries must give exactly the model without dropout, the
 * trainer's masks must hold 0 or scale / (1 - p), and gradients through masks must be exact.
 */
class LoraDropoutMaskTest {
  private static final DataType DT = DataType.DOUBLE;
  private static final int MASK = 0b111;

  private static ModelShape shape(double dropout) {
    return new ModelShape(TinyModels.config().withLoraDropout(dropout), 9, 1,
        TinyModels.dataset());
  }

  private static BatchEncoder encoder(ModelShape shape) {
    WordTokenizer tok = WordTokenizer.build(List.of("a cat runs dog sits"), 9);
    return new BatchEncoder(shape, tok, tok.encode("a"));
  }

  private static List<Integer> all() {
    return List.of(0, 1, 2);
  }

  @Test
  void allKeptMasksEqualTheModelWithoutDropout() {
    ModelShape shape = shape(0.1);
    ParamStore p = GradientFixtures.params(shape, MASK, 5);
    List<Sample> batch = GradientFixtures.samples(shape.dataset(), 4, 3, true);
    BatchEncoder enc = encoder(shape);
    UnifiedModelGraph plain = UnifiedModelGraph.build(GraphSpec.of(shape, MASK, Objective.LM), p,
        DT);
    UnifiedModelGraph dropped = UnifiedModelGraph.build(
        GraphSpec.of(shape, MASK, Objective.LM).withDropout(true), p, DT);
    Map<String, INDArray> ph = enc.encode(batch, plain.modalities(), all(), DT);
    double expected = plain.sameDiff().output(ph, GraphInputs.LOSS).get(GraphInputs.LOSS)
        .getDouble(0);
    int rows = batch.size() * shape.sequenceLength();
    double scale = shape.config().loraScale();
    for (int l = 0; l < shape.config().layers(); l++) {
      for (char proj : new char[] {'q', 'v'}) {
        ph.put(GraphInputs.dropout(l, proj), Nd4j.valueArrayOf(new long[] {rows,
            shape.config().dModel()}, scale, DT));
      }
    }
    double got = dropped.sameDiff().output(ph, GraphInputs.LOSS).get(GraphInputs.LOSS)
        .getDouble(0);
    assertEquals(expected, got, 1e-12);
  }

  @Test
  void trainerMasksHoldZeroOrScaleOverKeep() {
    double p = 0.25;
    ModelShape shape = shape(p);
    ParamStore params = GradientFixtures.params(shape, MASK, 5);
    List<Sample> batch = GradientFixtures.samples(shape.dataset(), 6, 3, false);
    UnifiedModelGraph g = UnifiedModelGraph.build(
        GraphSpec.of(shape, MASK, Objective.LM).withDropout(true), params.castTo(
            DataType.FLOAT), DataType.FLOAT);
    Map<String, INDArray> ph = new StageTrainer(g, encoder(shape)).stepPlaceholders(batch, 11,
        StageTrainer.Extras.none());
    float keep = (float) (shape.config().loraScale() / (1 - p));
    long zeros = 0;
    long n = 0;
    for (int l = 0; l < shape.config().layers(); l++) {
      for (char proj : new char[] {'q', 'v'}) {
        for (float v : ph.get(GraphInputs.dropout(l, proj)).data().asFloat()) {
          assertTrue(v == 0f || v == keep, "mask entry " + v);
          zeros += v == 0f ? 1 : 0;
          n++;
        }
      }
    }
    double rate = (double) zeros / n;
    assertTrue(Math.abs(rate - p) < 0.05, "dropped fraction " + rate);
  }

  @Test
  void gradientsThroughDropoutMasksMatchFiniteDifferences() {
    ModelShape shape = shape(0.3);
    ParamStore p = GradientFixtures.params(shape, MASK, 7);
    UnifiedModelGraph g = UnifiedModelGraph.build(
        GraphSpec.of(shape, MASK, Objective.LM).withDropout(true), p, DT);
    List<Sample> batch = GradientFixtures.samples(shape.dataset(), 3, 11, true);
    Map<String, INDArray> ph = encoder(shape).encode(batch, g.modalities(), all(), DT);
    int rows = batch.size() * shape.sequenceLength();
    double keep = shape.config().loraScale() / 0.7;
    for (int l = 0; l < shape.config().layers(); l++) {
      for (char proj : new char[] {'q', 'v'}) {
        INDArray m = Nd4j.rand(DT, rows, shape.config().dModel()).gt(0.3).castTo(DT).muli(keep);
        ph.put(GraphInputs.dropout(l, proj), m);
      }
    }
    List<String> vars = new ArrayList<>(p.names(n -> n.startsWith(ParamStore.LORA)
        || n.startsWith(ParamStore.ENCODER)));
    GradientCheck.Result r = GradientCheck.check(g.sameDiff(), ph, GraphInputs.LOSS, vars, 6,
        1e-6, 3);
    assertTrue(r.checked() > 20, "too few entries checked: " + r.checked());
    assertTrue(r.maxRelativeError() < 1e-4, "worst: " + r.where() + " rel "
        + r.maxRelativeError());
  }
}
