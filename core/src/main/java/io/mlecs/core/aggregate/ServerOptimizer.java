package io.mlecs.core.aggregate;

import io.mlecs.core.model.ParamStore;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How the server turns the round's weighted mean of the uploads into the next global model.
 *
 * <ul>
 *   <li>{@link Kind#AVERAGE}: the mean itself (FedAvg, MMA).
 *   <li>{@link Kind#FED_ADAGRAD}: FedAdagrad of Reddi et al., "Adaptive Federated Optimization"
 *       (ICLR 2021), Algorithm 2 with beta1 = 0 (no server momentum): the pseudo-gradient
 *       Delta = mean - x_t, v_t = v_{t-1} + Delta^2 (v_{-1} = tau^2), x_{t+1} = x_t + eta * Delta
 *       / (sqrt(v_t) + tau), element-wise. The accumulator v lives in the server's optimiser state
 *       under {@code adagrad.v.NAME}, so it is checkpointed with the server state.
 * </ul>
 *
 * Arithmetic is element-wise in double on the host and rounded to float once per value, so the
 * result is a pure function of its inputs (no ND4J threading or reduction order involved).
 *
 * @param kind the rule
 * @param learningRate server learning rate eta (FED_ADAGRAD)
 * @param tau adaptivity tau (FED_ADAGRAD)
 */
public record ServerOptimizer(Kind kind, double learningRate, double tau)
    implements java.io.Serializable {
  /** The server rules. */
  public enum Kind { AVERAGE, FED_ADAGRAD }

  /** The next global model is the mean of the uploads. */
  public static final ServerOptimizer AVERAGE = new ServerOptimizer(Kind.AVERAGE, 1.0, 0.0);

  /** Prefix of the Adagrad accumulator tensors in the server optimiser state. */
  public static final String ADAGRAD_V = "adagrad.v.";

  public ServerOptimizer {
    if (kind == null) {
      throw new IllegalArgumentException("server optimiser kind must be set");
    }
    if (kind == Kind.FED_ADAGRAD && (!(learningRate > 0) || !(tau > 0)
        || Double.isInfinite(learningRate) || Double.isInfinite(tau))) {
      throw new IllegalArgumentException("FedAdagrad needs eta > 0 and tau > 0, got eta = "
          + learningRate + ", tau = " + tau);
    }
  }

  /** FedAdagrad with server learning rate {@code eta} and adaptivity {@code tau}. */
  public static ServerOptimizer fedAdagrad(double eta, double tau) {
    return new ServerOptimizer(Kind.FED_ADAGRAD, eta, tau);
  }

  /**
   * x_{t+1} for every tensor of {@code current} (x_t), given the round's weighted mean of the
   * uploads (same names and shapes); FED_ADAGRAD updates {@code state} in place.
   */
  public ParamStore step(ParamStore current, ParamStore mean, ParamStore state) {
    if (kind == Kind.AVERAGE) {
      return mean;
    }
    ParamStore next = new ParamStore();
    for (Map.Entry<String, INDArray> e : current.asMap().entrySet()) {
      String name = e.getKey();
      INDArray xArr = e.getValue();
      float[] x = floats(xArr);
      float[] m = floats(mean.get(name));
      if (m.length != x.length) {
        throw new IllegalArgumentException("mean of '" + name + "' has " + m.length
            + " values, the global tensor " + x.length);
      }
      String key = ADAGRAD_V + name;
      float[] v;
      if (state.contains(key)) {
        v = floats(state.get(key));
      } else {
        v = new float[x.length];
        java.util.Arrays.fill(v, (float) (tau * tau));
      }
      float[] out = new float[x.length];
      for (int i = 0; i < x.length; i++) {
        double delta = (double) m[i] - x[i];
        double vi = (double) v[i] + delta * delta;
        v[i] = (float) vi;
        out[i] = (float) (x[i] + learningRate * delta / (Math.sqrt(vi) + tau));
      }
      state.put(key, Nd4j.create(v, xArr.shape(), 'c'));
      next.put(name, Nd4j.create(out, xArr.shape(), 'c').castTo(xArr.dataType()));
    }
    return next;
  }

  private static float[] floats(INDArray a) {
    return a.castTo(DataType.FLOAT).dup('c').data().asFloat();
  }
}
