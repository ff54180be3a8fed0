package io.mlecs.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.core.model.ParamStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam against the textbook formula, step by step, with resumed state: the plain loop (contiguous
 * c-order tensors) and ND4J's fused op (any other layout).
 */
class AdamOptimizerTest {

  /** Adam written out in double precision (what the optimizer did before it used the fused op). */
  private static final class Reference {
    final double[] p;
    final double[] m;
    final double[] v;
    int t;

    Reference(double[] p) {
      this.p = p.clone();
      this.m = new double[p.length];
      this.v = new double[p.length];
    }

    void step(double[] g, double lr) {
      t++;
      double alpha = lr * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
      for (int i = 0; i < p.length; i++) {
        m[i] = 0.9 * m[i] + 0.1 * g[i];
        v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
        p[i] -= alpha * m[i] / (Math.sqrt(v[i]) + 1e-8);
      }
    }
  }

  private static void check(DataType dt, double tol) {
    check(dt, tol, 'c');
  }

  private static void check(DataType dt, double tol, char order) {
    SplittableRandom r = new SplittableRandom(3);
    double[] init = new double[12];
    for (int i = 0; i < init.length; i++) {
      init[i] = r.nextGaussian();
    }
    ParamStore params = new ParamStore();
    params.put("w", Nd4j.create(init, new long[] {3, 4}, DataType.DOUBLE).castTo(dt)
        .dup(order));
    ParamStore state = new ParamStore();
    Reference ref = new Reference(init);
    for (int step = 0; step < 25; step++) {
      double[] g = new double[init.length];
      for (int i = 0; i < g.length; i++) {
        g[i] = r.nextGaussian() * (step % 3 == 0 ? 1e-3 : 1.0);
      }
      Map<String, INDArray> grads = new LinkedHashMap<>();
      grads.put("w", Nd4j.create(g, new long[] {3, 4}, DataType.DOUBLE).castTo(dt));
      // resume from a copy of the persisted state every few steps, as devices do between rounds
      AdamOptimizer adam = new AdamOptimizer(step % 5 == 0 ? state.copy() : state);
      adam.step(params, grads, 1e-2);
      state = adam.state();
      ref.step(g, 1e-2);
      double[] got = params.get("w").castTo(DataType.DOUBLE).dup('c').data().asDouble();
      for (int i = 0; i < got.length; i++) {
        assertEquals(ref.p[i], got[i], tol, "step " + step + " entry " + i);
      }
      assertEquals(step + 1, state.get("adam.t.w").getDouble(0), 0.0);
    }
    assertTrue(state.contains("adam.m.w") && state.contains("adam.v.w"));
  }

  @Test
  void matchesTheFormulaInDouble() {
    check(DataType.DOUBLE, 1e-12);
  }

  @Test
  void matchesTheFormulaForFortranOrderParametersThroughTheFusedOp() {
    check(DataType.FLOAT, 2e-5, 'f');
    check(DataType.DOUBLE, 1e-12, 'f');
  }

  @Test
  void matchesTheFormulaInFloat() {
    check(DataType.FLOAT, 2e-5);
  }
}
