package io.mlecs.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.core.testing.GradientCheck;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The GELU used everywhere: right values, finite-difference gradients, finite for large inputs. */
class ActivationsTest {
  private static SameDiff graph(double... x) {
    SameDiff sd = SameDiff.create();
    SDVariable v = sd.var("x", Nd4j.createFromArray(x));
    sd.identity("y", Activations.gelu(sd, v).sum().reshape(1));
    sd.setLossVariables("y");
    return sd;
  }

  @Test
  void valuesMatchTheSigmoidForm() {
    SameDiff sd = graph(-2.0, 0.0, 1.0, 3.0);
    double expected = 0;
    for (double x : new double[] {-2.0, 0.0, 1.0, 3.0}) {
      expected += x / (1 + Math.exp(-1.702 * x));
    }
    assertEquals(expected, sd.output(new HashMap<>(), "y").get("y").getDouble(0), 1e-12);
  }

  @Test
  void gradientsMatchFiniteDifferencesAndStayFiniteForLargeInputs() {
    SameDiff sd = graph(-3.0, -0.7, 0.2, 1.5, 4.0);
    GradientCheck.Result r = GradientCheck.check(sd, new HashMap<>(), "y", List.of("x"), 5, 1e-6,
        1);
    assertTrue(r.maxRelativeError() < 1e-6, r.where());
    SameDiff large = graph(-600, -60, 30, 60, 600);
    INDArray g = large.calculateGradients(new HashMap<>(), "x").get("x");
    assertTrue(!g.isNaN().any() && !g.isInfinite().any(), g.toString());
    assertEquals(1.0, g.getDouble(4), 1e-12);
    assertEquals(0.0, g.getDouble(0), 1e-12);
  }
}
