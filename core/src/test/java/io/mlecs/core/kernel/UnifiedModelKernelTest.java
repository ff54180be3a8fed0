package io.mlecs.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.core.config.ModelConfig;
import io.mlecs.core.data.Sample;
import io.mlecs.core.data.WordTokenizer;
import io.mlecs.core.loss.GramContrastiveLoss;
import io.mlecs.core.model.BatchEncoder;
import io.mlecs.core.model.GraphInputs;
import io.mlecs.core.model.GraphSpec;
import io.mlecs.core.model.ModelShape;
import io.mlecs.core.model.Objective;
import io.mlecs.core.model.ParamInit;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.model.UnifiedModelGraph;
import io.mlecs.core.testing.GradientCheck;
import io.mlecs.core.testing.GradientFixtures;
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
 * The hand-written LM step against its definition: the SameDiff graph's loss and gradients (DOUBLE
 * to the last digits, FLOAT to float accuracy) and central finite differences of its own loss.
 */
class UnifiedModelKernelTest {
  private static final DataType DT = DataType.DOUBLE;
  /** Two blocks, two heads, LoRA dropout 0.2: every loop of the kernel runs more than once. */
  private static final ModelConfig CONFIG = new ModelConfig(8, 2, 2, 2, 6, 5, 2, 6, 2, 4.0, 0.2);

  private record Case(ModelShape shape, GraphSpec spec, ParamStore params, UnifiedModelGraph graph,
      Map<String, INDArray> ph, List<String> trainable) {}

  private static Case build(int mask, boolean dropout, int batch, boolean dropSome, DataType dt) {
    return build(Objective.LM, -1, mask, dropout, batch, dropSome, dt);
  }

  private static Case build(Objective objective, int anchor, int mask, boolean dropout,
      int batch, boolean dropSome, DataType dt) {
    ModelShape shape = new ModelShape(CONFIG, 9, 1, TinyModels.dataset());
    WordTokenizer tok = WordTokenizer.build(List.of("a cat runs dog sits"), 9);
    BatchEncoder enc = new BatchEncoder(shape, tok, tok.encode("a"));
    ParamStore p = GradientFixtures.params(shape, mask, 7).castTo(dt);
    GraphSpec spec = new GraphSpec(shape, mask, objective, anchor, false, dropout, 0.7, 2.0,
        1e-6);
    UnifiedModelGraph g = UnifiedModelGraph.build(spec, p, dt);
    List<Sample> samples = GradientFixtures.samples(shape.dataset(), batch, 11, dropSome);
    List<Integer> idx = new ArrayList<>();
    for (int m = 0; m < 3; m++) {
      if ((mask & (1 << m)) != 0) {
        idx.add(m);
      }
    }
    Map<String, INDArray> ph = enc.encode(samples, g.modalities(), idx, dt);
    if (dropout) {
      SplittableRandom r = new SplittableRandom(3);
      int rows = batch * shape.sequenceLength();
      double keep = CONFIG.loraScale() / (1 - CONFIG.loraDropout());
      for (int l = 0; l < CONFIG.layers(); l++) {
        for (char proj : new char[] {'q', 'v'}) {
          double[] m = new double[rows * CONFIG.dModel()];
          for (int i = 0; i < m.length; i++) {
            m[i] = r.nextDouble() < CONFIG.loraDropout() ? 0 : keep;
          }
          ph.put(GraphInputs.dropout(l, proj),
              Nd4j.create(m, new long[] {rows, CONFIG.dModel()}, DataType.DOUBLE).castTo(dt));
        }
      }
    }
    Nd4j.getRandom().setSeed(17);
    if (objective.usesDeviceAnchor()) {
      ph.put(GraphInputs.ANCHOR, Nd4j.rand(DataType.DOUBLE, batch, CONFIG.latentDim()).subi(0.5)
          .castTo(dt));
    }
    if (objective.contrastive()) {
      ph.put(GraphInputs.CONTRASTIVE_TARGETS,
          Nd4j.create(GramContrastiveLoss.targets(batch, 0.1)).castTo(dt));
    }
    if (objective.usesTeacher()) {
      INDArray t = Nd4j.rand(DataType.DOUBLE, batch * shape.targetLength(), shape.vocabSize());
      ph.put(GraphInputs.TEACHER, t.diviColumnVector(t.sum(1)).castTo(dt));
      ph.put(GraphInputs.BATCH, Nd4j.createFromArray((double) batch).castTo(dt));
    }
    List<String> trainable = p.names(n -> UnifiedModelKernel.computesGradientOf(spec, n));
    return new Case(shape, spec, p, g, ph, trainable);
  }

  private static UnifiedModelKernel kernel(Case c) {
    return new UnifiedModelKernel(c.spec(), c.graph().modalities());
  }

  /** max |a - b| over max |b| (or 1e-12). */
  private static double relativeDifference(INDArray a, INDArray b) {
    double diff = a.castTo(DT).sub(b.castTo(DT)).amaxNumber().doubleValue();
    return diff / Math.max(b.castTo(DT).amaxNumber().doubleValue(), 1e-12);
  }

  private static void assertMatchesGraph(Case c, double tolerance) {
    Map<String, INDArray> expected = c.graph().sameDiff().calculateGradients(c.ph(),
        c.trainable());
    double expectedLoss = c.graph().sameDiff().output(c.ph(), GraphInputs.LOSS)
        .get(GraphInputs.LOSS).getDouble(0);
    UnifiedModelKernel.Result got = kernel(c).lossAndGradients(c.params(), c.ph(), c.trainable());
    assertEquals(expectedLoss, got.loss(), tolerance * Math.abs(expectedLoss), "loss");
    assertEquals(c.trainable(), new ArrayList<>(got.gradients().keySet()));
    for (String name : c.trainable()) {
      INDArray e = expected.get(name);
      INDArray g = got.gradients().get(name);
      assertTrue(java.util.Arrays.equals(e.shape(), g.shape()), name + " shape");
      assertTrue(e.castTo(DT).amaxNumber().doubleValue() > 0, name + ": graph gradient is zero");
      double rel = relativeDifference(g, e);
      assertTrue(rel < tolerance, name + ": kernel differs from the graph by " + rel);
    }
  }

  @Test
  void allModalitiesWithOneMissingMatchTheGraph() {
    assertMatchesGraph(build(0b111, false, 4, true, DT), 1e-10);
  }

  @Test
  void loraDropoutMasksMatchTheGraph() {
    assertMatchesGraph(build(0b111, true, 3, true, DT), 1e-10);
  }

  @Test
  void oneModalityMatchesTheGraph() {
    assertMatchesGraph(build(0b010, true, 3, false, DT), 1e-10);
  }

  @Test
  void deviceContrastiveLearningMatchesTheGraph() {
    assertMatchesGraph(build(Objective.CCL_DEVICE, -1, 0b101, true, 4, true, DT), 1e-9);
  }

  @Test
  void deviceContrastiveLearningWithOneModalityMatchesTheGraph() {
    assertMatchesGraph(build(Objective.CCL_DEVICE, -1, 0b010, false, 3, false, DT), 1e-9);
  }

  @Test
  void serverContrastiveWithKnowledgeTransferMatchesTheGraph() {
    // k = 3: anchor modality 2 with modalities 0 and 1 (one of them missing in every other sample)
    assertMatchesGraph(build(Objective.CCL_SERVER_KT, 2, 0b111, true, 4, true, DT), 1e-9);
  }

  @Test
  void deviceContrastiveWithFourVectorsMatchesTheGraph() {
    // k = 4: the device anchor with three modalities
    assertMatchesGraph(build(Objective.CCL_DEVICE, -1, 0b111, false, 3, true, DT), 1e-9);
  }

  @Test
  void knowledgeTransferMatchesTheGraph() {
    assertMatchesGraph(build(Objective.LM_KT, -1, 0b011, true, 3, true, DT), 1e-10);
  }

  @Test
  void floatContrastiveMatchesTheGraphToFloatAccuracy() {
    assertMatchesGraph(build(Objective.CCL_SERVER_KT, 0, 0b111, true, 5, true,
        DataType.FLOAT), 5e-4);
  }

  @Test
  void floatMatchesTheGraphToFloatAccuracy() {
    assertMatchesGraph(build(0b101, true, 5, true, DataType.FLOAT), 2e-4);
  }

  @Test
  void gradientsMatchFiniteDifferencesOfTheKernelsOwnLoss() {
    assertFiniteDifferences(build(0b111, true, 3, true, DT));
  }

  @Test
  void contrastiveAndTransferGradientsMatchFiniteDifferences() {
    // no missing modality here: a missing one projects to the zero vector, where the row
    // normalisation x / sqrt(|x|^2 + 1e-6) is too steep for central differences (the
    // comparisons with the graph cover missing modalities)
    assertFiniteDifferences(build(Objective.CCL_SERVER_KT, 1, 0b111, true, 3, false, DT));
    assertFiniteDifferences(build(Objective.CCL_DEVICE, -1, 0b011, false, 4, false, DT));
  }

  private static void assertFiniteDifferences(Case c) {
    UnifiedModelKernel k = kernel(c);
    Map<String, INDArray> analytic = new java.util.HashMap<>();
    k.lossAndGradients(c.params(), c.ph(), c.trainable()).gradients()
        .forEach((n, g) -> analytic.put(n, g.dup()));
    Map<String, INDArray> arrays = new java.util.LinkedHashMap<>();
    c.trainable().forEach(n -> arrays.put(n, c.params().get(n)));
    GradientCheck.Result r = GradientCheck.check(arrays, analytic,
        () -> k.lossAndGradients(c.params(), c.ph(), c.trainable()).loss(), 4, 1e-6, 5);
    assertTrue(r.checked() >= 4 * 20, "checked " + r.checked());
    assertTrue(r.maxRelativeError() < 1e-5, "worst: " + r.where() + " rel "
        + r.maxRelativeError());
  }


  @Test
  void forwardPassesEqualTheGraphsOutputs() {
    Case c = build(0b111, false, 4, true, DT);
    UnifiedModelGraph inference = UnifiedModelGraph.build(
        GraphSpec.of(c.shape(), 0b111, Objective.INFERENCE), c.params(), DT);
    UnifiedModelKernel k = UnifiedModelKernel.forInference(inference.spec(),
        inference.modalities());
    Map<String, INDArray> features = new java.util.HashMap<>(c.ph());
    features.keySet().removeIf(n -> !n.startsWith("feat_") && !n.equals(GraphInputs.MASK));
    INDArray fused = inference.sameDiff().output(features, GraphInputs.FUSED)
        .get(GraphInputs.FUSED);
    assertTrue(relativeDifference(k.fused(c.params(), features), fused) < 1e-12);
    Map<String, INDArray> teacherForced = new java.util.HashMap<>(c.ph());
    teacherForced.remove(GraphInputs.LABELS);
    teacherForced.remove(GraphInputs.LABEL_WEIGHTS);
    INDArray logits = inference.sameDiff().output(teacherForced, GraphInputs.LOGITS)
        .get(GraphInputs.LOGITS);
    INDArray got = k.logits(c.params(), teacherForced);
    assertTrue(java.util.Arrays.equals(logits.shape(), got.shape()));
    assertTrue(relativeDifference(got, logits) < 1e-12);
    double lm = c.graph().sameDiff().output(c.ph(), GraphInputs.LM_LOSS).get(GraphInputs.LM_LOSS)
        .getDouble(0);
    assertEquals(lm, k.lmLoss(c.params(), c.ph()), 1e-12 * lm);
    // results are the caller's arrays: a later call does not change them
    INDArray before = got.dup();
    k.logits(c.params(), c.ph());
    assertEquals(before, got);
  }

  /** Backbone pretraining: every backbone tensor trainable, soft tokens fed, no LoRA. */
  private static Case pretraining() {
    ModelShape shape = new ModelShape(CONFIG, 9, 1, TinyModels.dataset());
    ParamStore p = new ParamStore();
    ParamInit.backbone(p, shape, 3, DT);
    Nd4j.getRandom().setSeed(23);
    // non-trivial norms so that their gradients are exercised
    for (String n : p.names(n -> n.endsWith(".g") || n.endsWith(".b"))) {
      p.get(n).addi(Nd4j.rand(DT, p.get(n).shape()).subi(0.5).muli(0.2));
    }
    GraphSpec spec = new GraphSpec(shape, 0, Objective.LM, -1, true, false, 0.0, 1.0, 1e-6);
    UnifiedModelGraph g = UnifiedModelGraph.build(spec, p, DT);
    WordTokenizer tok = WordTokenizer.build(List.of("a cat runs dog sits"), 9);
    List<Sample> batch = GradientFixtures.samples(shape.dataset(), 3, 5, false);
    Map<String, INDArray> ph = new BatchEncoder(shape, tok, tok.encode("a")).encode(batch,
        List.of(), List.of(), DT);
    ph.keySet().removeIf(k -> k.startsWith("feat_") || k.equals(GraphInputs.MASK));
    ph.put(GraphInputs.SOFT, Nd4j.rand(DT, batch.size(), CONFIG.promptTokens(), CONFIG.dModel())
        .subi(0.5));
    return new Case(shape, spec, p, g, ph, p.names());
  }

  @Test
  void backbonePretrainingMatchesTheGraph() {
    assertMatchesGraph(pretraining(), 1e-10);
  }

  @Test
  void backbonePretrainingGradientsMatchFiniteDifferences() {
    assertFiniteDifferences(pretraining());
  }

  @Test
  void alternatingBatchSizesReuseTheirOwnBuffers() {
    Case big = build(0b111, true, 4, true, DT);
    Case small = build(0b111, true, 2, true, DT);
    UnifiedModelKernel shared = new UnifiedModelKernel(big.spec(), big.graph().modalities());
    shared.lossAndGradients(big.params(), big.ph(), big.trainable());
    double smallLoss = shared.lossAndGradients(small.params(), small.ph(), small.trainable())
        .loss();
    UnifiedModelKernel.Result again = shared.lossAndGradients(big.params(), big.ph(),
        big.trainable());
    UnifiedModelKernel.Result fresh = kernel(big).lossAndGradients(big.params(), big.ph(),
        big.trainable());
    assertEquals(kernel(small).lossAndGradients(small.params(), small.ph(), small.trainable())
        .loss(), smallLoss, 0.0);
    assertEquals(fresh.loss(), again.loss(), 0.0);
    for (String n : big.trainable()) {
      assertEquals(fresh.gradients().get(n), again.gradients().get(n), n);
    }
  }

  @Test
  void loraOnlyTrainingMatchesTheGraph() {
    Case all = build(0b011, false, 3, true, DT);
    Case c = new Case(all.shape(), all.spec(), all.params(), all.graph(), all.ph(),
        all.params().namesWithPrefix(ParamStore.LORA));
    assertMatchesGraph(c, 1e-10);
  }

  @Test
  void refusesWhatItDoesNotCompute() {
    Case c = build(0b111, false, 2, false, DT);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> kernel(c).lossAndGradients(c.params(), c.ph(), List.of("base.tok_emb")));
    assertTrue(e.getMessage().contains("base.tok_emb"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new UnifiedModelKernel(
        GraphSpec.of(c.shape(), 0b111, Objective.LM_KT).asPretrain(), c.graph().modalities()));
    assertTrue(!UnifiedModelKernel.supports(GraphSpec.of(c.shape(), 0b111, Objective.INFERENCE)));
    assertTrue(!UnifiedModelKernel.computesGradientOf(c.spec(), "ccl.log_tau"),
        "the LM objective has no temperature");
    Map<String, INDArray> noTokens = new java.util.HashMap<>(c.ph());
    noTokens.remove(GraphInputs.TOKENS);
    e = assertThrows(IllegalArgumentException.class,
        () -> kernel(c).lossAndGradients(c.params(), noTokens, c.trainable()));
    assertTrue(e.getMessage().contains(GraphInputs.TOKENS), e.getMessage());
  }
}
