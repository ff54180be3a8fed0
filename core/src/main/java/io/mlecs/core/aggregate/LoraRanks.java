package io.mlecs.core.aggregate;

import io.mlecs.core.model.ParamStore;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * LoRA factors of heterogeneous rank (FediLoRA): A is d x r ({@code lora.*.a}, rank on axis 1),
 * B is r x d ({@code lora.*.b}, rank on axis 0). A rank-r adapter is the leading r rank
 * dimensions of a wider one: {@link #leading} cuts the global adapter down to a device's rank,
 * {@link #pad} zero-pads a device's adapter to the global rank and says which rank slots it
 * covers (for the dimension-wise average of {@link FixedPointAccumulator}).
 */
public final class LoraRanks {
  private LoraRanks() {}

  /** The axis holding the rank of LoRA factor {@code name}. */
  public static int rankAxis(String name) {
    if (!name.startsWith(ParamStore.LORA)) {
      throw new IllegalArgumentException("'" + name + "' is not a LoRA factor");
    }
    if (name.endsWith(".a")) {
      return 1;
    }
    if (name.endsWith(".b")) {
      return 0;
    }
    throw new IllegalArgumentException("LoRA tensor '" + name + "' is neither factor a nor b");
  }

  /** The first {@code rank} rank dimensions of factor {@code name} (a copy, c order). */
  public static INDArray leading(String name, INDArray factor, int rank) {
    int axis = rankAxis(name);
    if (rank > factor.size(axis)) {
      throw new IllegalArgumentException("cannot take rank " + rank + " of '" + name
          + "', which has rank " + factor.size(axis));
    }
    return factor.get(index(axis, rank)).dup('c');
  }

  /** Every LoRA factor of {@code global} cut to {@code rank}. */
  public static ParamStore leading(ParamStore global, int rank) {
    ParamStore out = new ParamStore();
    for (Map.Entry<String, INDArray> e : global.asMap().entrySet()) {
      out.put(e.getKey(), leading(e.getKey(), e.getValue(), rank));
    }
    return out;
  }

  /** A device's LoRA padded to the global shapes, with the rank slots each factor covers. */
  public record Padded(ParamStore tensors, Map<String, FixedPointAccumulator.Coverage> coverage) {}

  /** Zero-pads every factor of {@code local} to the shape of the same factor in {@code global}. */
  public static Padded pad(ParamStore local, ParamStore global) {
    ParamStore out = new ParamStore();
    Map<String, FixedPointAccumulator.Coverage> cov = new HashMap<>();
    for (Map.Entry<String, INDArray> e : local.asMap().entrySet()) {
      String name = e.getKey();
      INDArray mine = e.getValue();
      INDArray wide = global.get(name);
      int axis = rankAxis(name);
      int r = (int) mine.size(axis);
      int max = (int) wide.size(axis);
      if (r > max || mine.size(1 - axis) != wide.size(1 - axis)) {
        throw new IllegalArgumentException("LoRA factor '" + name + "' "
            + java.util.Arrays.toString(mine.shape()) + " does not fit into the global "
            + java.util.Arrays.toString(wide.shape()));
      }
      INDArray padded = Nd4j.zeros(mine.dataType(), wide.shape());
      padded.get(index(axis, r)).assign(mine);
      out.put(name, padded);
      cov.put(name, new FixedPointAccumulator.Coverage(axis, max, r));
    }
    return new Padded(out, cov);
  }

  private static INDArrayIndex[] index(int axis, int rank) {
    return axis == 1
        ? new INDArrayIndex[] {NDArrayIndex.all(), NDArrayIndex.interval(0, rank)}
        : new INDArrayIndex[] {NDArrayIndex.interval(0, rank), NDArrayIndex.all()};
  }
}
