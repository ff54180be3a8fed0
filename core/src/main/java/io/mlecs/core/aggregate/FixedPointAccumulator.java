package io.mlecs.core.aggregate;

import io.mlecs.core.model.ParamStore;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Weighted sum of named tensors with {@link #add} and {@link #merge}, exact and independent of
 * the order of additions: every weighted value is rounded once to a 64-bit fixed-point number
 * (2^-40 resolution) and sums are integer sums. So LocalTransport's loop and Spark's
 * treeAggregate, which add in different orders, give bit-identical aggregates, and a task can
 * pre-aggregate the devices it hosts (driver memory O(tensor size), not O(devices)).
 * Overflow (|sum| >= 2^23) is detected and reported.
 */
public final class FixedPointAccumulator implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final double SCALE = 0x1p40;

  private final List<String> names = new ArrayList<>();
  private final List<long[]> shapes = new ArrayList<>();
  private final List<long[]> sums = new ArrayList<>();
  private long totalWeight;
  private int contributions;

  /** Adds weight * tensor for every tensor of {@code update} (names must agree across adds). */
  public FixedPointAccumulator add(ParamStore update, long weight) {
    if (weight < 0) {
      throw new IllegalArgumentException("aggregation weight must be >= 0, got " + weight);
    }
    if (names.isEmpty() && contributions == 0) {
      for (Map.Entry<String, INDArray> e : update.asMap().entrySet()) {
        names.add(e.getKey());
        shapes.add(e.getValue().shape());
        sums.add(new long[(int) e.getValue().length()]);
      }
    }
    if (!update.names().equals(names)) {
      throw new IllegalArgumentException("update tensors " + update.names()
          + " differ from the accumulator's " + names);
    }
    for (int i = 0; i < names.size(); i++) {
      float[] v = update.get(names.get(i)).castTo(DataType.FLOAT).dup('c').data().asFloat();
      long[] s = sums.get(i);
      if (v.length != s.length) {
        throw new IllegalArgumentException("tensor '" + names.get(i) + "' has " + v.length
            + " values, expected " + s.length);
      }
      for (int j = 0; j < v.length; j++) {
        s[j] = Math.addExact(s[j], toFixed((double) v[j] * weight, names.get(i)));
      }
    }
    totalWeight = Math.addExact(totalWeight, weight);
    contributions++;
    return this;
  }

  /** Adds another partial sum into this one. */
  public FixedPointAccumulator merge(FixedPointAccumulator other) {
    if (other.contributions == 0) {
      return this;
    }
    if (contributions == 0) {
      names.addAll(other.names);
      shapes.addAll(other.shapes);
      for (long[] s : other.sums) {
        sums.add(s.clone());
      }
    } else {
      if (!names.equals(other.names)) {
        throw new IllegalArgumentException("cannot merge accumulators over different tensors: "
            + names + " vs " + other.names);
      }
      for (int i = 0; i < sums.size(); i++) {
        long[] a = sums.get(i);
        long[] b = other.sums.get(i);
        for (int j = 0; j < a.length; j++) {
          a[j] = Math.addExact(a[j], b[j]);
        }
      }
    }
    totalWeight = Math.addExact(totalWeight, other.totalWeight);
    contributions += other.contributions;
    return this;
  }

  public long totalWeight() {
    return totalWeight;
  }

  public int contributions() {
    return contributions;
  }

  /** The weighted mean sum / totalWeight of every tensor. */
  public ParamStore mean() {
    if (totalWeight == 0) {
      throw new IllegalStateException("no weight was accumulated (" + contributions
          + " contributions)");
    }
    ParamStore out = new ParamStore();
    for (int i = 0; i < names.size(); i++) {
      long[] s = sums.get(i);
      float[] v = new float[s.length];
      for (int j = 0; j < s.length; j++) {
        v[j] = (float) (s[j] / SCALE / totalWeight);
      }
      out.put(names.get(i), Nd4j.create(v, shapes.get(i), 'c'));
    }
    return out;
  }

  private static long toFixed(double x, String name) {
    double scaled = Math.rint(x * SCALE);
    if (!(Math.abs(scaled) < 0x1p62)) {
      throw new IllegalStateException("value " + x + " of tensor '" + name
          + "' is outside the fixed-point range of the aggregator (|x| < 2^22)");
    }
    return (long) scaled;
  }
}
