package io.mlecs.jobs.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.core.config.StepEngine;
import org.junit.jupiter.api.Test;

/** Bad settings fail before any work with a message naming the source, the key and the value. */
class TrainSettingsTest {
  @Test
  void defaultsAreComplete() {
    TrainSettings s = TrainSettings.parse("", "empty.conf");
    assertEquals("ml-ecs", s.runConfig().method());
    assertEquals(64, s.runConfig().device().dModel());
    assertEquals(StepEngine.KERNEL, s.runConfig().train().stepEngine());
    assertEquals(StepEngine.SAMEDIFF, TrainSettings.parse("train.step-engine = SameDiff",
        "e.conf").runConfig().train().stepEngine());
  }

  @Test
  void unknownKeyIsNamedWithTheKnownSiblings() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainSettings.parse("train { learning_rate = 0.1 }", "x.conf"));
    assertTrue(e.getMessage().startsWith("x.conf: unknown key 'train.learning_rate'"),
        e.getMessage());
    assertTrue(e.getMessage().contains("train.learning-rate"), e.getMessage());
  }

  @Test
  void badValuesNameTheParameterAndValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainSettings.parse("model.device.heads = 5", "y.conf"));
    assertTrue(e.getMessage().contains("model.dModel (64) must be divisible by model.heads (5)"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TrainSettings.parse("run.method = fedsomething", "y.conf"));
    assertTrue(e.getMessage().contains("unknown method 'fedsomething'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TrainSettings.parse("spark.transport = yarn", "y.conf"));
    assertTrue(e.getMessage().contains("spark.transport must be one of [spark, local], got 'yarn'"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TrainSettings.parse("train.step-engine = torch", "y.conf"));
    assertTrue(e.getMessage().contains(
        "y.conf: train.step-engine: unknown step engine 'torch' (valid: kernel, samediff)"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TrainSettings.parse("train.batch-size = one", "y.conf"));
    assertTrue(e.getMessage().contains("train.batch-size"), e.getMessage());
  }

  @Test
  void preparedDataNeedsAPath() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainSettings.parse("data.source = prepared", "z.conf"));
    assertEquals("z.conf: data.path must be set when data.source = prepared", e.getMessage());
  }

  @Test
  void fedAdagradSettingsReachTheMethodsThatHaveThatServerStep() {
    var fedmllm = TrainSettings.parse("run.method = fedmllm\nmethods.fedadagrad-eta = 0.1",
        "a.conf").method();
    assertEquals(0.1, fedmllm.serverOptimizer().learningRate());
    assertEquals(1e-3, fedmllm.serverOptimizer().tau());
    assertEquals(io.mlecs.core.engine.Method.FEDMLLM.withServerOptimizer(
        io.mlecs.core.aggregate.ServerOptimizer.fedAdagrad(1e-2, 1e-3)),
        TrainSettings.parse("run.method = fedmllm", "b.conf").method(), "defaults = the method's own");
    assertEquals(io.mlecs.core.engine.Method.ML_ECS,
        TrainSettings.parse("methods.fedadagrad-eta = 0.1", "c.conf").method(), "ml-ecs averages");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainSettings.parse("run.method = fedmllm\nmethods.fedadagrad-eta = 0", "d.conf"));
    assertTrue(e.getMessage().startsWith("d.conf: methods.fedadagrad-eta / fedadagrad-tau: "
        + "FedAdagrad needs eta > 0 and tau > 0, got eta = 0.0"), e.getMessage());
  }
}
