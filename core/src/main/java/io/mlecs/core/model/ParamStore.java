package io.mlecs.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Named parameter tensors of one model, in name order. Names are dotted paths whose first segment
 * says what the tensor belongs to: {@code base.} (frozen backbone), {@code lora.} (adapters),
 * {@code enc.} (modality encoders), {@code conn.} (connector), {@code ccl.} (temperature).
 */
public final class ParamStore {
  public static final String BASE = "base.";
  public static final String LORA = "lora.";
  public static final String ENCODER = "enc.";
  public static final String CONNECTOR = "conn.";
  public static final String CCL = "ccl.";

  private final SortedMap<String, INDArray> tensors = new TreeMap<>();

  /**
   * Stores {@code value} under {@code name}. A view is copied first: SameDiff copies a view when it
   * becomes a graph variable, and the optimiser would then update an array the graph never reads.
   */
  public void put(String name, INDArray value) {
    tensors.put(name, value.isView() ? value.dup('c') : value);
  }

  /** The tensor; IllegalStateException naming it when absent. */
  public INDArray get(String name) {
    INDArray a = tensors.get(name);
    if (a == null) {
      throw new IllegalStateException("parameter '" + name + "' is missing; have " + tensors.size()
          + " tensors");
    }
    return a;
  }

  public boolean contains(String name) {
    return tensors.containsKey(name);
  }

  public List<String> names() {
    return List.copyOf(tensors.keySet());
  }

  public List<String> names(Predicate<String> filter) {
    List<String> out = new ArrayList<>();
    for (String n : tensors.keySet()) {
      if (filter.test(n)) {
        out.add(n);
      }
    }
    return out;
  }

  public List<String> namesWithPrefix(String prefix) {
    return names(n -> n.startsWith(prefix));
  }

  /** A deep copy of the tensors whose name starts with one of the prefixes. */
  public ParamStore copyOf(String... prefixes) {
    ParamStore out = new ParamStore();
    for (Map.Entry<String, INDArray> e : tensors.entrySet()) {
      for (String p : prefixes) {
        if (e.getKey().startsWith(p)) {
          out.put(e.getKey(), e.getValue().dup());
          break;
        }
      }
    }
    return out;
  }

  /** A deep copy of every tensor. */
  public ParamStore copy() {
    ParamStore out = new ParamStore();
    tensors.forEach((k, v) -> out.put(k, v.dup()));
    return out;
  }

  /** Copies every tensor of {@code other} into this store (shape-checked when present). */
  public void assignFrom(ParamStore other) {
    for (Map.Entry<String, INDArray> e : other.tensors.entrySet()) {
      INDArray mine = tensors.get(e.getKey());
      if (mine == null) {
        tensors.put(e.getKey(), e.getValue().dup());
      } else {
        if (!java.util.Arrays.equals(mine.shape(), e.getValue().shape())) {
          throw new IllegalArgumentException("shape mismatch for '" + e.getKey() + "': have "
              + java.util.Arrays.toString(mine.shape()) + ", got "
              + java.util.Arrays.toString(e.getValue().shape()));
        }
        mine.assign(e.getValue());
      }
    }
  }

  /** Total number of scalars of the tensors whose names pass the filter. */
  public long count(Predicate<String> filter) {
    long n = 0;
    for (Map.Entry<String, INDArray> e : tensors.entrySet()) {
      if (filter.test(e.getKey())) {
        n += e.getValue().length();
      }
    }
    return n;
  }

  public long count() {
    return count(n -> true);
  }

  public Map<String, INDArray> asMap() {
    return Collections.unmodifiableSortedMap(tensors);
  }

  /** A copy with every tensor cast to {@code type}. */
  public ParamStore castTo(DataType type) {
    ParamStore out = new ParamStore();
    tensors.forEach((k, v) -> out.put(k, v.castTo(type).dup()));
    return out;
  }

  public int size() {
    return tensors.size();
  }
}
