package io.mlecs.prep.partition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;

/**
 * The ML-ECS partition:
 *
 * <ol>
 *   <li>Units: each sample ({@code sample}) or each group ({@code group}), members and units sorted by id,
 *       then shuffled (Fisher-Yates, stream "units").
 *   <li>Public: scanning the shuffled units, a unit joins the public set when that brings the public row count
 *       closer to round(publicFraction * rows) (exact for sample units).
 *   <li>Devices: the remaining units, in shuffled order, each go to the device with the fewest rows so far
 *       (ties: lowest id). There must be at least N private units.
 *   <li>Train/test inside each local dataset (the public one and every device): the same scan over its units
 *       with target round(testFraction * its rows); the rest is train.
 *   <li>A non-zero public or test fraction never gives an empty share when there are two or more units to
 *       choose from: if the scan took nothing, the smallest unit is taken (matters for few, large groups).
 *   <li>Presence: public rows keep every modality the source has (omni-modal). Device mode: device j's draw
 *       ({@link ModalityDraw#device}) intersected with what the source has for the row. Sample mode: a draw per
 *       private sample ({@link ModalityDraw#sample}).
 * </ol>
 */
public final class Partitioner {
  private Partitioner() {}

  public static PartitionResult partition(List<PartitionInput> inputs, PartitionConfig cfg) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("nothing to partition: no samples");
    }
    int n = inputs.size();
    List<List<Integer>> units = units(inputs, cfg.splitUnit());
    shuffle(units, new Random(SeedMixer.derive(cfg.seed(), "units", 0)));
    List<List<Integer>> publicUnits = new ArrayList<>();
    List<List<Integer>> privateUnits = new ArrayList<>();
    take(units, Math.round(cfg.publicFraction() * n), cfg.publicFraction() > 0, publicUnits, privateUnits);
    if (privateUnits.size() < cfg.numDevices()) {
      throw new IllegalArgumentException(
          "--num-devices " + cfg.numDevices() + " exceeds the " + privateUnits.size() + " private "
              + cfg.splitUnit().wireName() + " units left after the public share; lower --num-devices"
              + (cfg.splitUnit() == SplitUnit.GROUP ? " or use --split-unit sample" : ""));
    }
    List<List<List<Integer>>> deviceUnits = spread(privateUnits, cfg.numDevices());

    int sourceUnion = 0;
    for (PartitionInput in : inputs) {
      sourceUnion |= in.availableMask();
    }
    double[] rho = cfg.mer();
    Assignment[] out = new Assignment[n];
    split(publicUnits, cfg.testFraction(), (i, split) ->
        out[i] = new Assignment(Assignment.PUBLIC, -1, split, inputs.get(i).availableMask()));
    List<DeviceSummary> devices = new ArrayList<>();
    for (int j = 0; j < cfg.numDevices(); j++) {
      final int device = j;
      final int drawn = cfg.merMode() == MerMode.DEVICE ? ModalityDraw.device(cfg.seed(), j, rho, sourceUnion) : -1;
      int[] counts = new int[3]; // train, test, union of presence
      split(deviceUnits.get(j), cfg.testFraction(), (i, split) -> {
        PartitionInput in = inputs.get(i);
        int presence = drawn >= 0
            ? drawn & in.availableMask()
            : ModalityDraw.sample(cfg.seed(), in.sampleId(), rho, in.availableMask());
        out[i] = new Assignment(Assignment.PRIVATE, device, split, presence);
        counts[split.equals(Assignment.TRAIN) ? 0 : 1]++;
        counts[2] |= presence;
      });
      devices.add(new DeviceSummary(j, drawn, drawn >= 0 ? drawn & sourceUnion : counts[2], counts[0], counts[1]));
    }
    return new PartitionResult(List.of(out), devices);
  }

  private static List<List<Integer>> units(List<PartitionInput> inputs, SplitUnit unit) {
    Map<String, List<Integer>> byKey = new TreeMap<>();
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      PartitionInput in = inputs.get(i);
      Integer previous = ids.putIfAbsent(in.sampleId(), i);
      if (previous != null) {
        throw new IllegalArgumentException("duplicate sample id '" + in.sampleId() + "'");
      }
      String key = unit == SplitUnit.GROUP ? in.groupId() : in.sampleId();
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> units = new ArrayList<>();
    for (List<Integer> members : byKey.values()) {
      members.sort(Comparator.comparing(i -> inputs.get(i).sampleId()));
      units.add(members);
    }
    return units;
  }

  private static <T> void shuffle(List<T> list, Random random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  /**
   * Scans units in order; one is taken when that brings the taken row count closer to {@code target}. When
   * {@code atLeastOne} and nothing was taken although there are two or more units, the smallest unit (first in
   * scan order among equals) is taken, so a non-zero fraction never yields an empty share.
   */
  static void take(
      List<List<Integer>> units, long target, boolean atLeastOne, List<List<Integer>> taken, List<List<Integer>> rest) {
    long count = 0;
    for (List<Integer> u : units) {
      if (Math.abs(count + u.size() - target) < Math.abs(count - target)) {
        taken.add(u);
        count += u.size();
      } else {
        rest.add(u);
      }
    }
    if (atLeastOne && taken.isEmpty() && units.size() >= 2) {
      int smallest = 0;
      for (int i = 1; i < rest.size(); i++) {
        smallest = rest.get(i).size() < rest.get(smallest).size() ? i : smallest;
      }
      taken.add(rest.remove(smallest));
    }
  }

  private static List<List<List<Integer>>> spread(List<List<Integer>> units, int devices) {
    List<List<List<Integer>>> out = new ArrayList<>();
    for (int j = 0; j < devices; j++) {
      out.add(new ArrayList<>());
    }
    PriorityQueue<long[]> load =
        new PriorityQueue<>(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));
    for (int j = 0; j < devices; j++) {
      load.add(new long[] {0, j});
    }
    for (List<Integer> u : units) {
      long[] least = load.poll();
      out.get((int) least[1]).add(u);
      least[0] += u.size();
      load.add(least);
    }
    return out;
  }

  private interface Sink {
    void accept(int index, String split);
  }

  private static void split(List<List<Integer>> units, double testFraction, Sink sink) {
    int rows = 0;
    for (List<Integer> u : units) {
      rows += u.size();
    }
    List<List<Integer>> test = new ArrayList<>();
    List<List<Integer>> train = new ArrayList<>();
    take(units, Math.round(testFraction * rows), testFraction > 0, test, train);
    for (List<Integer> u : train) {
      for (int i : u) {
        sink.accept(i, Assignment.TRAIN);
      }
    }
    for (List<Integer> u : test) {
      for (int i : u) {
        sink.accept(i, Assignment.TEST);
      }
    }
  }
}
