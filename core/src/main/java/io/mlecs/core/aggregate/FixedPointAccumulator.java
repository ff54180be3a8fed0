package io.mlecs.core.aggregate;

import io.mlecs.core.model.ParamStore;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Weighted sums of named tensors with {@link #add} and {@link #merge}, exact and independent of
 * the order of additions: every weighted value is rounded once to a 64-bit fixed-point number
 * (2^-40 resolution) and sums are integer sums. So LocalTransport's loop and Spark's
 * treeAggregate, which add and merge in different orders, give bit-identical aggregates, and a
 * task can pre-aggregate the devices it hosts (driver memory O(tensor size), not O(devices)).
 * Overflow (|weighted sum| >= 2^23) is detected and reported.
 *
 * <p><b>Per-tensor weights.</b> Updates need not carry the same tensors: every tensor keeps its own
 * weight sum, so its mean is taken over exactly the updates that contained it (Multi-FedAvg over
 * devices with different modality sets: a modality encoder is averaged over the devices that own
 * that modality). A tensor may further carry one weight per <em>slot</em> along one axis
 * ({@link Coverage}): an update then covers only the leading slots (FediLoRA's dimension-wise
 * aggregation of LoRA factors of heterogeneous rank: rank dimension k is averaged over the devices
 * whose rank exceeds k). A tensor's shape and slot layout are fixed by its first addition; a later
 * addition or merge that disagrees is rejected.
 */
public final class FixedPointAccumulator implements Serializable {
  private static final long serialVersionUID = 2L;
  private static final double SCALE = 0x1p40;

  /**
   * How much of a padded tensor an update covers: the tensor's weight varies along {@code axis}
   * (of length {@code slots}) and this update carries weight only on slots 0..covered-1.
   */
  public record Coverage(int axis, int slots, int covered) implements Serializable {
    public Coverage {
      if (axis < 0 || slots <= 0 || covered < 0 || covered > slots) {
        throw new IllegalArgumentException("invalid coverage: axis " + axis + ", " + covered
            + " of " + slots + " slots");
      }
    }
  }

  /** The running sums of one tensor. */
  private static final class Entry implements Serializable {
    private static final long serialVersionUID = 1L;
    final long[] shape;
    /** -1: one weight for the whole tensor; else the axis along which weights vary. */
    final int axis;
    /** Product of the dimensions after {@code axis} (1 when axis is -1). */
    final long inner;
    final long[] sums;
    final long[] weights;
    int contributions;

    Entry(long[] shape, int axis, long inner, int slots) {
      this.shape = shape.clone();
      this.axis = axis;
      this.inner = inner;
      this.sums = new long[(int) length(shape)];
      this.weights = new long[slots];
    }

    Entry copy() {
      Entry e = new Entry(shape, axis, inner, weights.length);
      System.arraycopy(sums, 0, e.sums, 0, sums.length);
      System.arraycopy(weights, 0, e.weights, 0, weights.length);
      e.contributions = contributions;
      return e;
    }

    int slot(int index) {
      return axis < 0 ? 0 : (int) ((index / inner) % weights.length);
    }

    boolean sameLayout(Entry o) {
      return Arrays.equals(shape, o.shape) && axis == o.axis && weights.length == o.weights.length;
    }

    String layout() {
      return Arrays.toString(shape) + (axis < 0 ? "" : " weighted along axis " + axis);
    }
  }

  private final TreeMap<String, Entry> entries = new TreeMap<>();
  private long totalWeight;
  private int contributions;

  /** Adds weight * tensor for every tensor of {@code update}, each with one weight. */
  public FixedPointAccumulator add(ParamStore update, long weight) {
    return add(update, weight, Map.of());
  }

  /**
   * Adds one update; the tensors named in {@code coverage} are padded to the full shape and carry
   * weight only on their covered slots (values outside them are ignored).
   */
  public FixedPointAccumulator add(ParamStore update, long weight,
      Map<String, Coverage> coverage) {
    if (weight < 0) {
      throw new IllegalArgumentException("aggregation weight must be >= 0, got " + weight);
    }
    for (String n : coverage.keySet()) {
      if (!update.contains(n)) {
        throw new IllegalArgumentException("coverage given for '" + n + "', which the update lacks");
      }
    }
    for (Map.Entry<String, INDArray> t : update.asMap().entrySet()) {
      addTensor(t.getKey(), t.getValue(), weight, coverage.get(t.getKey()));
    }
    totalWeight = Math.addExact(totalWeight, weight);
    contributions++;
    return this;
  }

  private void addTensor(String name, INDArray value, long weight, Coverage cov) {
    long[] shape = value.shape();
    Entry fresh = cov == null ? new Entry(shape, -1, 1, 1)
        : new Entry(shape, checkAxis(name, shape, cov), inner(shape, cov.axis()), cov.slots());
    Entry e = entries.get(name);
    if (e == null) {
      e = fresh;
      entries.put(name, e);
    } else if (!e.sameLayout(fresh)) {
      throw new IllegalArgumentException("tensor '" + name + "' is " + fresh.layout()
          + ", the accumulator holds " + e.layout());
    }
    float[] v = value.castTo(DataType.FLOAT).dup('c').data().asFloat();
    int covered = cov == null ? 1 : cov.covered();
    for (int j = 0; j < v.length; j++) {
      if (e.slot(j) < covered) {
        e.sums[j] = Math.addExact(e.sums[j], toFixed((double) v[j] * weight, name));
      }
    }
    for (int s = 0; s < covered; s++) {
      e.weights[s] = Math.addExact(e.weights[s], weight);
    }
    e.contributions++;
  }

  private static int checkAxis(String name, long[] shape, Coverage cov) {
    if (cov.axis() >= shape.length || shape[cov.axis()] != cov.slots()) {
      throw new IllegalArgumentException("tensor '" + name + "' " + Arrays.toString(shape)
          + " has no axis " + cov.axis() + " of length " + cov.slots());
    }
    return cov.axis();
  }

  private static long inner(long[] shape, int axis) {
    long n = 1;
    for (int i = axis + 1; i < shape.length; i++) {
      n *= shape[i];
    }
    return n;
  }

  private static long length(long[] shape) {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    return n;
  }

  /** Adds another partial sum into this one (the result does not depend on merge order). */
  public FixedPointAccumulator merge(FixedPointAccumulator other) {
    for (Map.Entry<String, Entry> o : other.entries.entrySet()) {
      Entry mine = entries.get(o.getKey());
      if (mine == null) {
        entries.put(o.getKey(), o.getValue().copy());
        continue;
      }
      Entry b = o.getValue();
      if (!mine.sameLayout(b)) {
        throw new IllegalArgumentException("cannot merge tensor '" + o.getKey() + "': "
            + mine.layout() + " vs " + b.layout());
      }
      for (int j = 0; j < mine.sums.length; j++) {
        mine.sums[j] = Math.addExact(mine.sums[j], b.sums[j]);
      }
      for (int s = 0; s < mine.weights.length; s++) {
        mine.weights[s] = Math.addExact(mine.weights[s], b.weights[s]);
      }
      mine.contributions += b.contributions;
    }
    totalWeight = Math.addExact(totalWeight, other.totalWeight);
    contributions += other.contributions;
    return this;
  }

  /** Sum of the weights of all updates. */
  public long totalWeight() {
    return totalWeight;
  }

  /** Number of updates added. */
  public int contributions() {
    return contributions;
  }

  /** Names of the tensors seen, in name order. */
  public List<String> names() {
    return List.copyOf(entries.keySet());
  }

  /** Number of updates that contained tensor {@code name} (0 if none). */
  public int contributions(String name) {
    Entry e = entries.get(name);
    return e == null ? 0 : e.contributions;
  }

  /** Weight sums of tensor {@code name}: one entry, or one per slot (empty if never added). */
  public long[] weights(String name) {
    Entry e = entries.get(name);
    return e == null ? new long[0] : e.weights.clone();
  }

  /**
   * The weighted mean sum / weight of every tensor. IllegalStateException if no weight was
   * accumulated at all, or if some tensor (slot) has weight 0 (use {@link #meanOver}).
   */
  public ParamStore mean() {
    if (totalWeight == 0) {
      throw new IllegalStateException("no weight was accumulated (" + contributions
          + " contributions)");
    }
    ParamStore out = new ParamStore();
    for (Map.Entry<String, Entry> t : entries.entrySet()) {
      Entry e = t.getValue();
      for (long w : e.weights) {
        if (w == 0) {
          throw new IllegalStateException("tensor '" + t.getKey() + "' has a slot of weight 0");
        }
      }
      out.put(t.getKey(), Nd4j.create(meanValues(e, null), e.shape, 'c'));
    }
    return out;
  }

  /**
   * The new value of every tensor of {@code previous}: the weighted mean where the accumulated
   * weight is positive, the previous value where it is 0 (a tensor or rank slot no update
   * covered). Every accumulated tensor must exist in {@code previous} with the same shape.
   */
  public ParamStore meanOver(ParamStore previous) {
    for (Map.Entry<String, Entry> t : entries.entrySet()) {
      if (!previous.contains(t.getKey())) {
        throw new IllegalArgumentException("update tensor '" + t.getKey()
            + "' is not part of the global model");
      }
      long[] have = previous.get(t.getKey()).shape();
      if (!Arrays.equals(have, t.getValue().shape)) {
        throw new IllegalArgumentException("update tensor '" + t.getKey() + "' is "
            + Arrays.toString(t.getValue().shape) + ", the global one " + Arrays.toString(have));
      }
    }
    ParamStore out = new ParamStore();
    for (Map.Entry<String, INDArray> p : previous.asMap().entrySet()) {
      Entry e = entries.get(p.getKey());
      if (e == null) {
        out.put(p.getKey(), p.getValue().dup());
        continue;
      }
      float[] prev = p.getValue().castTo(DataType.FLOAT).dup('c').data().asFloat();
      out.put(p.getKey(), Nd4j.create(meanValues(e, prev), e.shape, 'c')
          .castTo(p.getValue().dataType()));
    }
    return out;
  }

  private static float[] meanValues(Entry e, float[] fallback) {
    float[] v = new float[e.sums.length];
    for (int j = 0; j < v.length; j++) {
      long w = e.weights[e.slot(j)];
      v[j] = w == 0 ? fallback[j] : (float) (e.sums[j] / SCALE / w);
    }
    return v;
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
