package io.mlecs.core.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.core.data.DatasetSpec;
import io.mlecs.core.data.Modality;
import io.mlecs.core.data.Sample;
import io.mlecs.core.data.WordTokenizer;
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

/** Finite-difference gradient checks, in DOUBLE, of every objective of the unified model. */
class UnifiedModelGradientTest {
  private static final DataType DT = DataType.DOUBLE;

  static Map<String, INDArray> placeholders(UnifiedModelGraph g, BatchEncoder enc,
      List<Sample> batch, int mask) {
    List<Integer> idx = new ArrayList<>();
    for (int m = 0; m < g.spec().shape().dataset().numModalities(); m++) {
      if ((mask & (1 << m)) != 0) {
        idx.add(m);
      }
    }
    Map<String, INDArray> ph = enc.encode(batch, g.modalities(), idx, DT);
    if (g.spec().objective().contrastive()) {
      ph.put(GraphInputs.CONTRASTIVE_TARGETS,
          Nd4j.create(io.mlecs.core.loss.GramContrastiveLoss.targets(batch.size(), 0.1)));
    }
    return ph;
  }

  private static void assertGradientsMatch(Objective objective, int mask, int anchor) {
    ModelShape shape = new ModelShape(TinyModels.config(), 9, 1, TinyModels.dataset());
    WordTokenizer tok = WordTokenizer.build(List.of("a cat runs dog sits"), 9);
    BatchEncoder enc = new BatchEncoder(shape, tok, tok.encode("a"));
    ParamStore p = GradientFixtures.params(shape, mask, 7);
    GraphSpec spec = new GraphSpec(shape, mask, objective, anchor, false, false, 0.7, 2.0, 1e-6);
    UnifiedModelGraph g = UnifiedModelGraph.build(spec, p, DT);
    List<Sample> batch = GradientFixtures.samples(shape.dataset(), 3, 11, true);
    Map<String, INDArray> ph = placeholders(g, enc, batch, mask);
    int rows = 3 * shape.targetLength();
    if (objective.usesDeviceAnchor()) {
      ph.put(GraphInputs.ANCHOR, Nd4j.rand(DT, 3, shape.config().latentDim()).subi(0.5));
    }
    if (objective.usesTeacher()) {
      INDArray t = Nd4j.rand(DT, rows, shape.vocabSize());
      ph.put(GraphInputs.TEACHER, t.diviColumnVector(t.sum(1)));
      ph.put(GraphInputs.BATCH, Nd4j.createFromArray(3.0));
    }
    List<String> vars = new ArrayList<>(p.names(n -> !n.startsWith(ParamStore.BASE)));
    if (!objective.contrastive()) {
      vars.remove(ParamNames.LOG_TAU);
    }
    GradientCheck.Result r = GradientCheck.check(g.sameDiff(), ph, GraphInputs.LOSS, vars, 6,
        1e-6, 3);
    assertTrue(r.checked() > 20, "too few entries checked: " + r.checked());
    assertTrue(r.maxRelativeError() < 1e-4, objective + " worst: " + r.where() + " rel "
        + r.maxRelativeError());
  }

  @Test
  void lmLossGradientsMatchFiniteDifferences() {
    assertGradientsMatch(Objective.LM, 0b111, -1);
  }

  @Test
  void deviceCclGradientsMatchFiniteDifferences() {
    assertGradientsMatch(Objective.CCL_DEVICE, 0b101, -1);
  }

  @Test
  void deviceCclWithOneModalityGradientsMatchFiniteDifferences() {
    assertGradientsMatch(Objective.CCL_DEVICE, 0b010, -1);
  }

  @Test
  void serverCclWithKnowledgeTransferGradientsMatchFiniteDifferences() {
    assertGradientsMatch(Objective.CCL_SERVER_KT, 0b111, 2);
  }

  @Test
  void slmKnowledgeTransferGradientsMatchFiniteDifferences() {
    assertGradientsMatch(Objective.LM_KT, 0b011, -1);
  }
}
