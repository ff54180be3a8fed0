package io.mlecs.core.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Activation functions with gradients that stay finite. SameDiff 1.0.0-M2.1's built-in
 * {@code gelu} back-propagates NaN for inputs above about 30 (measured: x = 30 and 60 give NaN),
 * which a large standardised feature reaches; one NaN gradient then poisons Adam's state.
 */
public final class Activations {
  private Activations() {}

  /** GELU in its sigmoid form x * sigmoid(1.702 x) (Hendrycks and Gimpel), stable everywhere. */
  public static SDVariable gelu(SameDiff sd, SDVariable x) {
    return x.mul(sd.nn().sigmoid(x.mul(1.702)));
  }
}
