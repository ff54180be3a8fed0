package io.mlecs.core.train;

import io.mlecs.core.model.ParamStore;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * FedProx's proximal term (Li et al., MLSys 2020): (mu / 2) * sum over the anchored tensors of
 * ||w - w_global||^2, with gradient mu * (w - w_global). It is added to the graph's gradient by
 * the trainer (a {@link StageTrainer.Penalty}), not built into the SameDiff graph, so no SameDiff
 * op (and none of its M2.1 gradient traps) is involved; only tensors that are both anchored and
 * trained get the term. Computed element-wise in double on the host, so it is deterministic.
 *
 * @param mu coefficient mu (>= 0)
 * @param anchor the global tensors w_global the device received this round (e.g. its LoRA)
 */
public record ProximalTerm(double mu, ParamStore anchor) implements StageTrainer.Penalty {
  public ProximalTerm {
    if (!(mu >= 0) || Double.isInfinite(mu)) {
      throw new IllegalArgumentException("FedProx mu must be >= 0, got " + mu);
    }
  }

  @Override
  public double addTo(ParamStore params, Map<String, INDArray> grads) {
    double value = 0;
    for (Map.Entry<String, INDArray> e : grads.entrySet()) {
      String name = e.getKey();
      if (!anchor.contains(name)) {
        continue;
      }
      INDArray p = params.get(name);
      double[] w = p.castTo(DataType.DOUBLE).dup('c').data().asDouble();
      double[] w0 = anchor.get(name).castTo(DataType.DOUBLE).dup('c').data().asDouble();
      double[] g = e.getValue().castTo(DataType.DOUBLE).dup('c').data().asDouble();
      if (w0.length != w.length || g.length != w.length) {
        throw new IllegalArgumentException("proximal anchor of '" + name + "' does not match");
      }
      for (int i = 0; i < w.length; i++) {
        double d = w[i] - w0[i];
        value += d * d;
        g[i] += mu * d;
      }
      e.setValue(Nd4j.create(g, p.shape(), DataType.DOUBLE).castTo(e.getValue().dataType()));
    }
    return 0.5 * mu * value;
  }

  /** The term's value at {@code params} (for reporting and tests). */
  public double value(ParamStore params) {
    double value = 0;
    for (String name : anchor.names()) {
      if (!params.contains(name)) {
        continue;
      }
      double[] w = params.get(name).castTo(DataType.DOUBLE).dup('c').data().asDouble();
      double[] w0 = anchor.get(name).castTo(DataType.DOUBLE).dup('c').data().asDouble();
      for (int i = 0; i < w.length; i++) {
        double d = w[i] - w0[i];
        value += d * d;
      }
    }
    return 0.5 * mu * value;
  }
}
