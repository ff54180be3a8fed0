package io.mlecs.core.train;

import io.mlecs.core.model.ParamStore;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam with per-parameter step counts. Its state (first and second moments, steps) lives in a
 * {@link ParamStore} under {@code adam.m.NAME}, {@code adam.v.NAME}, {@code adam.t.NAME}, so it
 * is persisted with the device state like any other tensor.
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

  /** One in-place update of each named parameter with its gradient. */
  public void step(ParamStore params, Map<String, INDArray> grads, double lr) {
    for (Map.Entry<String, INDArray> e : grads.entrySet()) {
      String name = e.getKey();
      INDArray p = params.get(name);
      INDArray g = e.getValue().castTo(p.dataType());
      INDArray m = moment("adam.m." + name, p);
      INDArray v = moment("adam.v." + name, p);
      INDArray tArr = state.contains("adam.t." + name) ? state.get("adam.t." + name) : null;
      double t = tArr == null ? 1 : tArr.getDouble(0) + 1;
      state.put("adam.t." + name, Nd4j.createFromArray(t));
      m.muli(BETA1).addi(g.mul(1 - BETA1));
      v.muli(BETA2).addi(g.mul(g).muli(1 - BETA2));
      double alpha = lr * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
      INDArray denom = Transforms.sqrt(v, true).addi(EPS);
      p.subi(m.div(denom).muli(alpha));
    }
  }

  private INDArray moment(String key, INDArray like) {
    if (!state.contains(key)) {
      state.put(key, Nd4j.zeros(like.dataType(), like.shape()));
    }
    return state.get(key);
  }
}
