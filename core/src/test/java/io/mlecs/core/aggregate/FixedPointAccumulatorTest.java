package io.mlecs.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mlecs.core.model.ParamStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Per-tensor and per-rank-slot weighted means, exact and independent of add/merge order. */
class FixedPointAccumulatorTest {

  private static INDArray t(float[] v, long... shape) {
    return Nd4j.create(v, shape, 'c');
  }

  private static ParamStore store(Object... nameThenArray) {
    ParamStore p = new ParamStore();
    for (int i = 0; i < nameThenArray.length; i += 2) {
      p.put((String) nameThenArray[i], (INDArray) nameThenArray[i + 1]);
    }
    return p;
  }

  @Test
  void eachTensorIsAveragedOverTheUpdatesThatHaveIt() {
    // Multi-FedAvg with modality sets {rgb}, {rgb, depth}, {depth, acce}; weights n = 2, 3, 5
    ParamStore d0 = store("lora.x", t(new float[] {1f, 2f}, 2), "enc.rgb.w", t(new float[] {4f}, 1));
    ParamStore d1 = store("lora.x", t(new float[] {4f, -1f}, 2), "enc.rgb.w", t(new float[] {1f}, 1),
        "enc.depth.w", t(new float[] {8f}, 1));
    ParamStore d2 = store("lora.x", t(new float[] {0.5f, 0.25f}, 2),
        "enc.depth.w", t(new float[] {-2f}, 1), "enc.acce.w", t(new float[] {3f}, 1));
    FixedPointAccumulator acc = new FixedPointAccumulator().add(d0, 2).add(d1, 3).add(d2, 5);
    ParamStore previous = store("lora.x", t(new float[] {9f, 9f}, 2), "enc.rgb.w",
        t(new float[] {9f}, 1), "enc.depth.w", t(new float[] {9f}, 1), "enc.acce.w",
        t(new float[] {9f}, 1), "enc.audio.w", t(new float[] {7f}, 1));
    ParamStore m = acc.meanOver(previous);
    // hand-computed: sum_j n_j x_j / sum_j n_j over the devices having the tensor
    assertArrayEquals(new float[] {(2 * 1f + 3 * 4f + 5 * 0.5f) / 10, (2 * 2f - 3 * 1f + 5 * 0.25f)
        / 10}, m.get("lora.x").data().asFloat(), 1e-7f);
    assertEquals(1.65f, m.get("lora.x").getFloat(0), 1e-7f);
    assertEquals((2 * 4f + 3 * 1f) / 5, m.get("enc.rgb.w").getFloat(0), 1e-7f);
    assertEquals((3 * 8f - 5 * 2f) / 8, m.get("enc.depth.w").getFloat(0), 1e-7f);
    assertEquals(3f, m.get("enc.acce.w").getFloat(0), 0f);
    // nobody has audio: the previous global value stays
    assertEquals(7f, m.get("enc.audio.w").getFloat(0), 0f);
    assertArrayEquals(new long[] {5}, acc.weights("enc.rgb.w"));
    assertArrayEquals(new long[] {10}, acc.weights("lora.x"));
    assertEquals(2, acc.contributions("enc.depth.w"));
    assertEquals(10, acc.totalWeight());
    assertEquals(3, acc.contributions());
  }

  @Test
  void rankSlotsAreAveragedOnlyOverTheDevicesWhoseRankCoversThem() {
    // FediLoRA: d = 2, ranks 1, 2, 3, global rank 3; A is d x r, B is r x d; weights 1, 2, 3
    ParamStore global = store("lora.L0.q.a", Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT,
        2, 3), "lora.L0.q.b", Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 2));
    ParamStore r1 = store("lora.L0.q.a", t(new float[] {1f, 2f}, 2, 1),
        "lora.L0.q.b", t(new float[] {10f, 20f}, 1, 2));
    ParamStore r2 = store("lora.L0.q.a", t(new float[] {3f, 5f, 4f, 6f}, 2, 2),
        "lora.L0.q.b", t(new float[] {30f, 40f, 50f, 60f}, 2, 2));
    ParamStore r3 = store("lora.L0.q.a", t(new float[] {7f, 8f, 9f, -1f, -2f, -3f}, 2, 3),
        "lora.L0.q.b", t(new float[] {1f, 2f, 3f, 4f, 5f, 6f}, 3, 2));
    FixedPointAccumulator acc = new FixedPointAccumulator();
    long[] w = {1, 2, 3};
    ParamStore[] ups = {r1, r2, r3};
    for (int i = 0; i < 3; i++) {
      LoraRanks.Padded p = LoraRanks.pad(ups[i], global);
      acc.add(p.tensors(), w[i], p.coverage());
    }
    ParamStore m = acc.meanOver(global);
    // A: column 0 over all three (weights 1, 2, 3), column 1 over r2, r3 (2, 3), column 2 r3 only
    float[] a = m.get("lora.L0.q.a").dup('c').data().asFloat();
    float[] expA = {
        (1 * 1f + 2 * 3f + 3 * 7f) / 6, (2 * 5f + 3 * 8f) / 5, 9f,
        (1 * 2f + 2 * 4f + 3 * -1f) / 6, (2 * 6f + 3 * -2f) / 5, -3f};
    assertArrayEquals(expA, a, 1e-6f);
    // B: row 0 over all three, row 1 over r2, r3, row 2 r3 only
    float[] b = m.get("lora.L0.q.b").dup('c').data().asFloat();
    float[] expB = {
        (1 * 10f + 2 * 30f + 3 * 1f) / 6, (1 * 20f + 2 * 40f + 3 * 2f) / 6,
        (2 * 50f + 3 * 3f) / 5, (2 * 60f + 3 * 4f) / 5,
        5f, 6f};
    assertArrayEquals(expB, b, 1e-6f);
    assertArrayEquals(new long[] {6, 5, 3}, acc.weights("lora.L0.q.a"));
    // zero-padding would have diluted: column 2 would be 3 * 9 / 6 = 4.5, not 9
  }

  @Test
  void aRankSlotNobodyCoversKeepsItsPreviousValue() {
    ParamStore global = store("lora.L0.v.a", t(new float[] {0f, 0f, 5f, 0f, 0f, 6f}, 2, 3));
    ParamStore r1 = store("lora.L0.v.a", t(new float[] {1f, 2f}, 2, 1));
    ParamStore r2 = store("lora.L0.v.a", t(new float[] {3f, 5f, 4f, 6f}, 2, 2));
    FixedPointAccumulator acc = new FixedPointAccumulator();
    for (ParamStore u : List.of(r1, r2)) {
      LoraRanks.Padded p = LoraRanks.pad(u, global);
      acc.add(p.tensors(), 1, p.coverage());
    }
    assertArrayEquals(new float[] {2f, 5f, 5f, 3f, 6f, 6f},
        acc.meanOver(global).get("lora.L0.v.a").dup('c').data().asFloat(), 1e-7f);
    assertThrows(IllegalStateException.class, acc::mean);
  }

  @Test
  void leadingRankDimensionsAreWhatADeviceReceives() {
    INDArray a = t(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertArrayEquals(new float[] {1, 2, 4, 5},
        LoraRanks.leading("lora.L1.q.a", a, 2).data().asFloat(), 0f);
    INDArray b = t(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
    assertArrayEquals(new float[] {1, 2},
        LoraRanks.leading("lora.L1.q.b", b, 1).data().asFloat(), 0f);
    assertArrayEquals(new long[] {1, 2}, LoraRanks.leading("lora.L1.q.b", b, 1).shape());
  }

  /** Random heterogeneous updates: different tensor sets, LoRA of different ranks. */
  private static List<Object[]> randomUpdates(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Object[]> out = new ArrayList<>();
    ParamStore global = new ParamStore();
    global.put("lora.L0.q.a", Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 5, 4));
    global.put("lora.L0.q.b", Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 4, 5));
    for (int d = 0; d < 7; d++) {
      int rank = 1 + r.nextInt(4);
      ParamStore lora = new ParamStore();
      lora.put("lora.L0.q.a", rnd(r, 5, rank));
      lora.put("lora.L0.q.b", rnd(r, rank, 5));
      LoraRanks.Padded p = LoraRanks.pad(lora, global);
      ParamStore all = p.tensors();
      if (r.nextBoolean()) {
        all.put("enc.rgb.w", rnd(r, 3, 2));
      }
      if (r.nextBoolean()) {
        all.put("enc.depth.w", rnd(r, 2));
      }
      out.add(new Object[] {all, 1L + r.nextInt(40), p.coverage()});
    }
    return out;
  }

  private static INDArray rnd(SplittableRandom r, long... shape) {
    int n = 1;
    for (long s : shape) {
      n *= (int) s;
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (r.nextGaussian() * Math.exp(2 * r.nextGaussian()));
    }
    return Nd4j.create(v, shape, 'c');
  }

  @SuppressWarnings("unchecked")
  private static FixedPointAccumulator addAll(List<Object[]> ups) {
    FixedPointAccumulator acc = new FixedPointAccumulator();
    for (Object[] u : ups) {
      acc.add((ParamStore) u[0], (Long) u[1], (Map<String, FixedPointAccumulator.Coverage>) u[2]);
    }
    return acc;
  }

  private static void assertBitIdentical(ParamStore a, ParamStore b) {
    assertEquals(a.names(), b.names());
    for (String n : a.names()) {
      float[] x = a.get(n).dup('c').data().asFloat();
      float[] y = b.get(n).dup('c').data().asFloat();
      assertEquals(x.length, y.length, n);
      for (int i = 0; i < x.length; i++) {
        assertEquals(Float.floatToRawIntBits(x[i]), Float.floatToRawIntBits(y[i]), n + "[" + i
            + "]");
      }
    }
  }

  @Test
  void addAndMergeOrderDoNotChangeASingleBit() throws Exception {
    List<Object[]> ups = randomUpdates(3);
    ParamStore prev = new ParamStore();
    prev.put("lora.L0.q.a", Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 5, 4));
    prev.put("lora.L0.q.b", Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 4, 5));
    prev.put("enc.rgb.w", Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 2));
    prev.put("enc.depth.w", Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2));
    ParamStore reference = addAll(ups).meanOver(prev);
    SplittableRandom r = new SplittableRandom(11);
    for (int trial = 0; trial < 20; trial++) {
      List<Object[]> shuffled = new ArrayList<>(ups);
      Collections.shuffle(shuffled, new java.util.Random(r.nextLong()));
      // partitions of random sizes, pre-aggregated, then merged as a random binary tree
      List<FixedPointAccumulator> parts = new ArrayList<>();
      int i = 0;
      while (i < shuffled.size()) {
        int k = 1 + r.nextInt(3);
        parts.add(addAll(shuffled.subList(i, Math.min(shuffled.size(), i + k))));
        i += k;
      }
      parts.add(new FixedPointAccumulator());
      while (parts.size() > 1) {
        int a = r.nextInt(parts.size());
        FixedPointAccumulator x = parts.remove(a);
        int b = r.nextInt(parts.size());
        FixedPointAccumulator y = parts.remove(b);
        // serialise one side as Spark would ship it between executors
        parts.add(roundTrip(x).merge(y));
      }
      assertBitIdentical(reference, parts.get(0).meanOver(prev));
    }
  }

  private static FixedPointAccumulator roundTrip(FixedPointAccumulator a) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(a);
    }
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      return (FixedPointAccumulator) in.readObject();
    }
  }

  @Test
  void disagreeingLayoutsAreRejected() {
    FixedPointAccumulator acc = new FixedPointAccumulator()
        .add(store("lora.x", t(new float[] {1, 2}, 2)), 1);
    assertThrows(IllegalArgumentException.class,
        () -> acc.add(store("lora.x", t(new float[] {1, 2, 3}, 3)), 1));
    FixedPointAccumulator other = new FixedPointAccumulator()
        .add(store("lora.x", t(new float[] {1, 2, 3}, 3)), 1);
    assertThrows(IllegalArgumentException.class, () -> acc.merge(other));
    assertThrows(IllegalArgumentException.class, () -> acc.meanOver(
        store("lora.y", t(new float[] {1, 2}, 2))));
    assertThrows(IllegalArgumentException.class, () -> acc.add(new ParamStore(), -1));
  }
}
