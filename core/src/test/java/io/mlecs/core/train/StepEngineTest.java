package io.mlecs.core.train;

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
 * The trainer's two step engines train the same model: several epochs of AMT in FLOAT (LoRA
 * dropout on, a missing modality, a short last minibatch) end at the same parameters, and the
 * kernel is only chosen where it computes the objective.
 */
class StepEngineTest {
  private static final ModelConfig CONFIG = new ModelConfig(8, 2, 2, 2, 6, 5, 2, 6, 2, 4.0, 0.1);
  private static final int MASK = 0b111;

  private static ModelShape shape() {
    return new ModelShape(CONFIG, 9, 1, TinyModels.dataset());
  }

  private static StageTrainer trainer(ParamStore p, Objective objective, StepEngine engine) {
    WordTokenizer tok = WordTokenizer.build(List.of("a cat runs dog sits"), 9);
    GraphSpec spec = GraphSpec.of(shape(), MASK, objective).withDropout(true);
    return new StageTrainer(UnifiedModelGraph.build(spec, p, DataType.FLOAT),
        new BatchEncoder(shape(), tok, tok.encode("a"))).batchSize(4).engine(engine);
  }

  private static double train(ParamStore p, StepEngine engine, List<Sample> samples) {
    StageTrainer t = trainer(p, Objective.LM, engine);
    List<String> trainable = TrainableSets.deviceAmt(p);
    assertEquals(engine == StepEngine.KERNEL, t.usesKernel(trainable));
    return t.train(p, new AdamOptimizer(new ParamStore()), samples, trainable, 3, 1e-2, 21,
        StageTrainer.Extras.none());
  }

  @Test
  void kernelAndSameDiffTrainToTheSameParameters() {
    ParamStore init = GradientFixtures.params(shape(), MASK, 3).castTo(DataType.FLOAT);
    List<Sample> samples = GradientFixtures.samples(shape().dataset(), 10, 4, true);
    ParamStore viaKernel = init.copy();
    ParamStore viaGraph = init.copy();
    double lossKernel = train(viaKernel, StepEngine.KERNEL, samples);
    double lossGraph = train(viaGraph, StepEngine.SAMEDIFF, samples);
    assertEquals(lossGraph, lossKernel, 1e-4 * Math.abs(lossGraph));
    int moved = 0;
    for (String n : TrainableSets.deviceAmt(init)) {
      double change = viaGraph.get(n).sub(init.get(n)).amaxNumber().doubleValue();
      double diff = viaKernel.get(n).sub(viaGraph.get(n)).amaxNumber().doubleValue();
      assertTrue(diff <= 1e-3 * Math.max(change, 1e-6), n + ": engines differ by " + diff
          + " after a change of " + change);
      moved += change > 1e-4 ? 1 : 0;
    }
    assertTrue(moved > 10, "only " + moved + " tensors were trained");
  }

  @Test
  void theKernelIsChosenOnlyForWhatItComputes() {
    ParamStore p = GradientFixtures.params(shape(), MASK, 3).castTo(DataType.FLOAT);
    StageTrainer lm = trainer(p, Objective.LM, StepEngine.KERNEL);
    assertTrue(lm.usesKernel(TrainableSets.deviceFull(p)));
    assertFalse(lm.usesKernel(List.of("base.tok_emb")));
    assertFalse(lm.usesKernel(TrainableSets.deviceCcl(p)), "ccl.log_tau is not in the LM loss");
    assertTrue(trainer(p, Objective.CCL_DEVICE, StepEngine.KERNEL)
        .usesKernel(TrainableSets.deviceCcl(p)));
    assertFalse(trainer(p, Objective.LM, StepEngine.SAMEDIFF)
        .usesKernel(TrainableSets.deviceAmt(p)));
    WordTokenizer tok = WordTokenizer.build(List.of("a cat runs dog sits"), 9);
    StageTrainer pretrain = new StageTrainer(UnifiedModelGraph.build(
        GraphSpec.of(shape(), MASK, Objective.LM).asPretrain(), p, DataType.FLOAT),
        new BatchEncoder(shape(), tok, tok.encode("a")));
    assertTrue(pretrain.usesKernel(p.names(n -> n.startsWith(ParamStore.BASE))));
    assertFalse(pretrain.usesKernel(TrainableSets.deviceAmt(p)), "pretraining trains the backbone");
  }
}
