package io.mlecs.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.core.config.ModelConfig;
import io.mlecs.core.config.StepEngine;
import io.mlecs.core.data.Sample;
import io.mlecs.core.data.WordTokenizer;
import io.mlecs.core.model.BatchEncoder;
import io.mlecs.core.model.GraphSpec;
import io.mlecs.core.model.ModelShape;
import io.mlecs.core.model.Objective;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.model.UnifiedModelGraph;
import io.mlecs.core.testing.GradientFixtures;
import io.mlecs.core.testing.TinyModels;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Inference on either engine, in FLOAT as evaluation runs it: fused representations, teacher-forced
 * logits and loss agree to float accuracy, greedy decoding gives the same text.
 */
class ModelRunnerEnginesTest {
  private static final ModelConfig CONFIG = new ModelConfig(8, 2, 2, 2, 6, 5, 2, 6, 2, 4.0, 0.1);
  private static final int MASK = 0b111;

  private static ModelRunner runner(Objective objective, ParamStore p, StepEngine engine) {
    ModelShape shape = new ModelShape(CONFIG, 9, 1, TinyModels.dataset());
    WordTokenizer tok = WordTokenizer.build(List.of("a cat runs dog sits"), 9);
    return new ModelRunner(UnifiedModelGraph.build(GraphSpec.of(shape, MASK, objective), p,
        DataType.FLOAT), new BatchEncoder(shape, tok, tok.encode("a")), p, engine);
  }

  private static double maxRelative(float[][] a, float[][] b) {
    double diff = 0;
    double scale = 1e-12;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        diff = Math.max(diff, Math.abs(a[i][j] - b[i][j]));
        scale = Math.max(scale, Math.abs(b[i][j]));
      }
    }
    return diff / scale;
  }

  @Test
  void bothEnginesGiveTheSameInference() {
    ModelShape shape = new ModelShape(CONFIG, 9, 1, TinyModels.dataset());
    ParamStore p = GradientFixtures.params(shape, MASK, 3).castTo(DataType.FLOAT);
    // larger backbone weights than at initialisation, so that the decoded text depends on the
    // sample (an untrained backbone predicts one token everywhere)
    for (String n : p.names(n -> n.startsWith(ParamStore.BASE) && n.contains(".w"))) {
      p.get(n).muli(40);
    }
    p.get("base.tok_emb").muli(40);
    // 37 samples: a full evaluation batch of 32 and a short one
    List<Sample> samples = GradientFixtures.samples(shape.dataset(), 37, 8, true);
    ModelRunner kernel = runner(Objective.INFERENCE, p, StepEngine.KERNEL);
    ModelRunner graph = runner(Objective.INFERENCE, p, StepEngine.SAMEDIFF);
    assertTrue(kernel.usesKernel());
    assertFalse(graph.usesKernel());
    float[][] fk = kernel.fused(samples);
    float[][] fg = graph.fused(samples);
    assertEquals(37, fk.length);
    assertTrue(maxRelative(fk, fg) < 1e-5, "fused: " + maxRelative(fk, fg));
    float[][] lk = kernel.targetLogits(samples);
    float[][] lg = graph.targetLogits(samples);
    assertEquals(37 * shape.targetLength(), lk.length);
    assertTrue(maxRelative(lk, lg) < 1e-5, "logits: " + maxRelative(lk, lg));
    List<String> decoded = graph.generate(samples);
    assertTrue(new java.util.HashSet<>(decoded).size() >= 3, "decoding too uniform to compare: "
        + decoded);
    assertArrayEquals(decoded.toArray(), kernel.generate(samples).toArray());
    double lossKernel = runner(Objective.LM, p, StepEngine.KERNEL).meanLoss(samples);
    double lossGraph = runner(Objective.LM, p, StepEngine.SAMEDIFF).meanLoss(samples);
    assertEquals(lossGraph, lossKernel, 1e-5 * lossGraph);
  }
}
