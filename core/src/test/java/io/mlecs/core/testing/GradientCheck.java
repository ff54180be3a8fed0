package io.mlecs.core.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Central finite differences in DOUBLE against analytic gradients (SameDiff's or any other). */
public final class GradientCheck {
  private GradientCheck() {}

  /** Result of one check: the worst relative error and where it occurred. */
  public record Result(double maxRelativeError, String where, int checked) {}

  /**
   * Checks up to {@code perVariable} randomly chosen entries of each variable. Relative error =
   * |fd - an| / max(|fd| + |an|, 1e-8), taken as 0 when |fd - an| < 1e-7 (noise of the
   * central difference); entries where both are below 1e-9 are skipped.
   */
  public static Result check(SameDiff sd, Map<String, INDArray> ph, String loss,
      List<String> variables, int perVariable, double eps, long seed) {
    Map<String, INDArray> arrays = new LinkedHashMap<>();
    for (String v : variables) {
      arrays.put(v, sd.getArrForVarName(v));
    }
    return check(arrays, sd.calculateGradients(ph, variables),
        () -> sd.output(ph, loss).get(loss).getDouble(0), perVariable, eps, seed);
  }

  /**
   * The same check for any loss: {@code loss} is evaluated at the current values of
   * {@code arrays} (name -> the array the loss reads, perturbed in place and restored) and
   * compared with {@code analytic} (name -> gradient of the same shape).
   */
  public static Result check(Map<String, INDArray> arrays, Map<String, INDArray> analytic,
      DoubleSupplier loss, int perVariable, double eps, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double worst = 0;
    String where = "";
    int checked = 0;
    for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
      String v = e.getKey();
      INDArray arr = e.getValue();
      if (arr.dataType() != DataType.DOUBLE) {
        throw new IllegalStateException("gradient checks need DOUBLE, " + v + " is "
            + arr.dataType());
      }
      INDArray g = analytic.get(v);
      long n = arr.length();
      for (int c = 0; c < Math.min(perVariable, n); c++) {
        long i = n <= perVariable ? c : r.nextLong(n);
        double orig = arr.getDouble(i);
        arr.putScalar(i, orig + eps);
        double plus = loss.getAsDouble();
        arr.putScalar(i, orig - eps);
        double minus = loss.getAsDouble();
        arr.putScalar(i, orig);
        double fd = (plus - minus) / (2 * eps);
        double an = g.getDouble(i);
        if (Math.abs(fd) < 1e-9 && Math.abs(an) < 1e-9) {
          continue;
        }
        // below 1e-7 absolute the difference is finite-difference noise: eps = 1e-6 divides the
        // loss's last-bit differences (reductions summed in a different order) by 2e-6
        double rel = Math.abs(fd - an) < 1e-7 ? 0.0
            : Math.abs(fd - an) / Math.max(Math.abs(fd) + Math.abs(an), 1e-8);
        checked++;
        if (rel > worst) {
          worst = rel;
          where = v + "[" + i + "] fd=" + fd + " analytic=" + an;
        }
      }
    }
    return new Result(worst, where, checked);
  }
}
