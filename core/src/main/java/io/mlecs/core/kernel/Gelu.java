package io.mlecs.core.kernel;

/**
 * GELU in the sigmoid form x sigmoid(1.702 x), as the SameDiff graph computes it
 * ({@code io.mlecs.core.model.Activations}), with its exact derivative
 * sigmoid(1.702 x) + 1.702 x sigmoid(1.702 x)(1 - sigmoid(1.702 x)).
 */
final class Gelu {
  static final double K = 1.702;

  private Gelu() {}

  static double sigmoid(double z) {
    return z >= 0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
  }

  /** out = gelu(pre); {@code out} may be {@code pre} only if pre is not needed afterwards. */
  static void forward(Mat pre, Mat out) {
    for (int i = 0, n = pre.length(); i < n; i++) {
      double x = pre.get(i);
      out.set(i, x * sigmoid(K * x));
    }
  }

  /** dpre = dout * gelu'(pre); {@code dpre} may be {@code dout}. */
  static void backward(Mat pre, Mat dout, Mat dpre) {
    for (int i = 0, n = pre.length(); i < n; i++) {
      double x = pre.get(i);
      double s = sigmoid(K * x);
      dpre.set(i, dout.get(i) * (s + K * x * s * (1.0 - s)));
    }
  }
}
