package io.mlecs.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mlecs.core.model.ParamStore;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** FedAdagrad (Reddi et al., Alg. 2, beta1 = 0) on a hand example over two rounds. */
class ServerOptimizerTest {

  private static ParamStore one(float... v) {
    ParamStore p = new ParamStore();
    p.put("lora.w", Nd4j.create(v, new long[] {v.length}, 'c'));
    return p;
  }

  @Test
  void fedAdagradFollowsTheUpdateFormula() {
    double eta = 0.1;
    double tau = 1e-3;
    ServerOptimizer o = ServerOptimizer.fedAdagrad(eta, tau);
    ParamStore state = new ParamStore();
    ParamStore x0 = one(0.5f, -1f, 2f);
    // round 1: Delta = mean - x0 = (0.25, 0, -0.5)
    ParamStore x1 = o.step(x0, one(0.75f, -1f, 1.5f), state);
    double v1a = tau * tau + 0.25 * 0.25;
    double v1b = tau * tau;
    double v1c = tau * tau + 0.25;
    assertEquals(0.5 + eta * 0.25 / (Math.sqrt(v1a) + tau), x1.get("lora.w").getDouble(0), 1e-7);
    assertEquals(-1.0, x1.get("lora.w").getDouble(1), 0.0);
    assertEquals(2.0 - eta * 0.5 / (Math.sqrt(v1c) + tau), x1.get("lora.w").getDouble(2), 1e-7);
    assertEquals(v1a, state.get("adagrad.v.lora.w").getDouble(0), 1e-8);
    assertEquals(v1b, state.get("adagrad.v.lora.w").getDouble(1), 1e-12);
    // round 2: the accumulator keeps growing, the step shrinks
    float x1a = x1.get("lora.w").getFloat(0);
    ParamStore x2 = o.step(x1, one(x1a + 0.25f, -0.5f, x1.get("lora.w").getFloat(2)), state);
    double d2a = (double) (x1a + 0.25f) - x1a;
    double v2a = v1a + d2a * d2a;
    assertEquals(x1a + eta * d2a / (Math.sqrt(v2a) + tau), x2.get("lora.w").getDouble(0), 1e-7);
    double v2b = v1b + 0.25;
    assertEquals(-1.0 + eta * 0.5 / (Math.sqrt(v2b) + tau), x2.get("lora.w").getDouble(1), 1e-7);
    assertEquals(x1.get("lora.w").getFloat(2), x2.get("lora.w").getFloat(2), 0f);
    assertEquals(v2a, state.get("adagrad.v.lora.w").getDouble(0), 1e-7);
  }

  @Test
  void averageIsTheMeanItself() {
    ParamStore mean = one(1f, 2f);
    assertSame(mean, ServerOptimizer.AVERAGE.step(one(0f, 0f), mean, new ParamStore()));
    assertThrows(IllegalArgumentException.class, () -> ServerOptimizer.fedAdagrad(0.1, 0.0));
  }
}
