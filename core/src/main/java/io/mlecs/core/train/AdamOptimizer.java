package io.mlecs.core.train;

import io.mlecs.core.kernel.Mat;
import io.mlecs.core.model.ParamStore;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam with per-parameter step counts. Its state (first and second moments, steps) lives in a
 * {@link ParamStore} under {@code adam.m.NAME}, {@code adam.v.NAME}, {@code adam.t.NAME}, so it
 * is persisted with the device state like any other tensor.
 *
 * <p>Update at step t (1-based): m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
 * p -= lr sqrt(1 - b2^t) / (1 - b1^t) m / (sqrt(v) + eps), the formula of ND4J's
 * {@code adam_updater}. Contiguous FLOAT / DOUBLE tensors are updated in one plain loop (m, v, the
 * step and the parameter together); others by the {@code adam_updater} op. m and v are updated
 * in place and the step is written into the gradient array: the gradients passed in are consumed.
 */
public final class AdamOptimizer {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;
  private final ParamStore state;

  public AdamOptimizer(ParamStore state) {
    this.state = state;
  }

  public ParamStore state() {
    return state;
  }

  /**
   * One in-place update of each named parameter with its gradient. The gradient arrays are
   * overwritten (they hold the applied step afterwards).
   */
  public void step(ParamStore params, Map<String, INDArray> grads, double lr) {
    for (Map.Entry<String, INDArray> e : grads.entrySet()) {
      String name = e.getKey();
      INDArray p = params.get(name);
      INDArray g = e.getValue();
      if (g.dataType() != p.dataType()) {
        g = g.castTo(p.dataType());
      }
      if (!g.equalShapes(p) || g.isView() || g.ordering() != 'c') {
        g = g.reshape('c', p.shape()).dup('c');
      }
      INDArray m = moment("adam.m." + name, p);
      INDArray v = moment("adam.v." + name, p);
      String tKey = "adam.t." + name;
      INDArray tArr = state.contains(tKey) ? state.get(tKey) : null;
      double t = tArr == null ? 1 : tArr.getDouble(0) + 1;
      if (tArr == null) {
        state.put(tKey, Nd4j.createFromArray(t));
      } else {
        tArr.putScalar(0, t);
      }
      if (Mat.canWrap(p) && Mat.canWrap(g) && p.dataType() == m.dataType()) {
        update(Mat.of(p), Mat.of(g), Mat.of(m), Mat.of(v), lr, t);
      } else {
        // iteration is 0-based in the op: it uses b^(iteration + 1)
        Nd4j.exec(new AdamUpdater(g, v, m, lr, BETA1, BETA2, EPS, (int) t - 1));
        p.subi(g);
      }
    }
  }

  /** The update of step t on one tensor, element by element. */
  private static void update(Mat p, Mat g, Mat m, Mat v, double lr, double t) {
    double stepSize = lr * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
    for (int i = 0, n = p.length(); i < n; i++) {
      double gi = g.get(i);
      double mi = BETA1 * m.get(i) + (1 - BETA1) * gi;
      double vi = BETA2 * v.get(i) + (1 - BETA2) * gi * gi;
      double step = stepSize * mi / (Math.sqrt(vi) + EPS);
      m.set(i, mi);
      v.set(i, vi);
      g.set(i, step);
      p.set(i, p.get(i) - step);
    }
  }

  private INDArray moment(String key, INDArray like) {
    if (!state.contains(key)) {
      state.put(key, Nd4j.zeros(like.dataType(), like.shape()));
    }
    return state.get(key);
  }
}
