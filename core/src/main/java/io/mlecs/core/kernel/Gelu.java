package io.mlecs.core.kernel;

/**
 * GELU in the sigmoid form x sigmoid(1.702 x), as the SameDiff graph computes it
 * ({@code io.mlecs.core.model.Activations}), with its exact derivative
 * sigmoid(1.702 x) + 1.702 x sigmoid(1.702 x)(1 - sigmoid(1.702 x)). The forward pass keeps the
 * sigmoids for the backward pass (one exponential per element and step, not two).
 */
final class Gelu {
  static final double K = 1.702;

  private Gelu() {}

  /**
   * 1 / (1 + exp(-z)): accurate and finite for every z in double (exp(-z) overflows to infinity
   * for z below about -709, giving exactly 0), and without a data-dependent branch, which costs
   * twice the time on mixed-sign inputs.
   */
  static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }

  /** out = gelu(pre) and sig = sigmoid(1.702 pre) (at least {@code pre.length()} long). */
  static void forward(Mat pre, Mat out, double[] sig) {
    for (int i = 0, n = pre.length(); i < n; i++) {
      double x = pre.get(i);
      double s = sigmoid(K * x);
      sig[i] = s;
      out.set(i, x * s);
    }
  }

  /** dpre = dout * gelu'(pre) from the forward pass's sigmoids; {@code dpre} may be {@code dout}. */
  static void backward(Mat pre, double[] sig, Mat dout, Mat dpre) {
    for (int i = 0, n = pre.length(); i < n; i++) {
      double s = sig[i];
      dpre.set(i, dout.get(i) * (s + K * pre.get(i) * s * (1.0 - s)));
    }
  }
}
