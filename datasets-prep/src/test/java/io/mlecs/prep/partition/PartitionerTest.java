package io.mlecs.prep.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartitionerTest {
  private static final int ALL = 0b111;

  /** groups x perGroup samples, ids g007:s03, all three modalities available. */
  private static List<PartitionInput> inputs(int groups, int perGroup) {
    List<PartitionInput> in = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      for (int s = 0; s < perGroup; s++) {
        in.add(new PartitionInput(String.format("g%03d:s%02d", g, s), String.format("g%03d", g), ALL));
      }
    }
    return in;
  }

  private static PartitionConfig cfg(long seed, int n, double[] mer, MerMode mode, SplitUnit unit) {
    return new PartitionConfig(seed, n, mer, mode, 0.25, 0.1, unit);
  }

  @Test
  void sameInputsAndSeedGiveTheSameAssignmentWhateverTheInputOrder() {
    List<PartitionInput> in = inputs(40, 7);
    PartitionConfig c = cfg(7, 5, new double[] {0.5, 0.5, 0.5}, MerMode.SAMPLE, SplitUnit.SAMPLE);
    PartitionResult a = Partitioner.partition(in, c);
    List<PartitionInput> shuffled = new ArrayList<>(in);
    Collections.shuffle(shuffled, new Random(3));
    PartitionResult b = Partitioner.partition(shuffled, c);
    Map<String, Assignment> byId = new HashMap<>();
    for (int i = 0; i < shuffled.size(); i++) {
      byId.put(shuffled.get(i).sampleId(), b.assignments().get(i));
    }
    for (int i = 0; i < in.size(); i++) {
      assertEquals(a.assignments().get(i), byId.get(in.get(i).sampleId()));
    }
    assertEquals(a.devices(), b.devices());
    PartitionResult other = Partitioner.partition(in, cfg(8, 5, new double[] {0.5, 0.5, 0.5}, MerMode.SAMPLE, SplitUnit.SAMPLE));
    assertNotEquals(a.assignments(), other.assignments(), "another seed, another partition");
  }

  @Test
  void sampleUnitGivesExactPublicShareAndPerDatasetTestShare() {
    List<PartitionInput> in = inputs(100, 10); // 1000 samples
    PartitionResult r = Partitioner.partition(in, cfg(1, 3, new double[] {1, 1, 1}, MerMode.DEVICE, SplitUnit.SAMPLE));
    long pub = r.assignments().stream().filter(a -> a.role().equals("public")).count();
    assertEquals(250, pub);
    long pubTest = r.assignments().stream().filter(a -> a.role().equals("public") && a.split().equals("test")).count();
    assertEquals(25, pubTest);
    for (DeviceSummary d : r.devices()) {
      assertEquals(250, d.trainRows() + d.testRows()); // 750 over 3 devices, balanced
      assertEquals(25, d.testRows());
      assertEquals(ALL, d.modalityMask());
    }
    for (Assignment a : r.assignments()) {
      assertEquals(a.role().equals("public"), a.deviceId() == -1);
    }
  }

  @Test
  void groupUnitKeepsEveryGroupInOneDeviceRoleAndSplit() {
    Random rnd = new Random(5);
    List<PartitionInput> in = new ArrayList<>();
    for (int g = 0; g < 70; g++) { // UR-FALL-like: 70 sequences of 40..200 frames
      int frames = 40 + rnd.nextInt(160);
      for (int f = 0; f < frames; f++) {
        in.add(new PartitionInput("seq" + g + ":" + f, "seq" + g, ALL));
      }
    }
    PartitionResult r = Partitioner.partition(in, cfg(11, 4, new double[] {0.5, 0.5, 0.5}, MerMode.DEVICE, SplitUnit.GROUP));
    Map<String, String> placeOfGroup = new HashMap<>();
    for (int i = 0; i < in.size(); i++) {
      Assignment a = r.assignments().get(i);
      String place = a.role() + "/" + a.deviceId() + "/" + a.split();
      String before = placeOfGroup.putIfAbsent(in.get(i).groupId(), place);
      assertTrue(before == null || before.equals(place), "group " + in.get(i).groupId() + " split over " + before + " and " + place);
    }
    double pubShare = r.assignments().stream().filter(a -> a.role().equals("public")).count() / (double) in.size();
    assertEquals(0.25, pubShare, 0.02);
    for (DeviceSummary d : r.devices()) {
      assertTrue(d.testRows() > 0 && d.trainRows() > 5 * d.testRows(), d.toString());
    }
  }

  @Test
  void fewLargeGroupsStillGiveEveryLocalDatasetATestSplit() {
    // the quickstart shape: 12 sequences of 60 frames, 3 devices, group split
    PartitionResult r = Partitioner.partition(inputs(12, 60), cfg(42, 3, new double[] {1, 1, 1}, MerMode.DEVICE, SplitUnit.GROUP));
    for (DeviceSummary d : r.devices()) {
      assertTrue(d.testRows() > 0 && d.trainRows() > 0, d.toString());
    }
    assertTrue(r.assignments().stream().anyMatch(a -> a.role().equals("public") && a.split().equals("test")));
    // a zero fraction still means none
    PartitionResult none = Partitioner.partition(inputs(12, 60),
        new PartitionConfig(42, 3, new double[] {1, 1, 1}, MerMode.DEVICE, 0.0, 0.0, SplitUnit.GROUP));
    assertTrue(none.assignments().stream().allMatch(a -> a.role().equals("private") && a.split().equals("train")));
  }

  @Test
  void deviceMerRatesMatchTheRequestedRatesOverManyDevices() {
    double[] rho = {0.5, 0.7, 0.8};
    PartitionResult r = Partitioner.partition(inputs(400, 10), cfg(2024, 400, rho, MerMode.DEVICE, SplitUnit.SAMPLE));
    double none = (1 - rho[0]) * (1 - rho[1]) * (1 - rho[2]);
    for (int m = 0; m < 3; m++) {
      int bit = 1 << m;
      double owned = r.devices().stream().filter(d -> (d.drawnMask() & bit) != 0).count() / 400.0;
      // redrawing empty draws lifts each rate to rho / (1 - P(no modality)): 0.515, 0.722, 0.825
      assertEquals(rho[m] / (1 - none), owned, 0.05, "modality " + m);
      assertEquals(rho[m], owned, 0.05, "modality " + m);
    }
    for (DeviceSummary d : r.devices()) {
      assertNotEquals(0, d.modalityMask(), "no device without a modality");
    }
    // every private row carries exactly its device's modalities; public rows are omni-modal
    for (Assignment a : r.assignments()) {
      int expected = a.deviceId() < 0 ? ALL : r.devices().get(a.deviceId()).drawnMask();
      assertEquals(expected, a.presenceMask());
    }
  }

  @Test
  void lowRatesAreRedrawnSoEveryDeviceOwnsSomething() {
    double[] rho = {0.2, 0.2, 0.2};
    PartitionResult r = Partitioner.partition(inputs(400, 10), cfg(9, 400, rho, MerMode.DEVICE, SplitUnit.SAMPLE));
    double expected = 0.2 / (1 - 0.8 * 0.8 * 0.8);
    for (int m = 0; m < 3; m++) {
      int bit = 1 << m;
      double owned = r.devices().stream().filter(d -> (d.drawnMask() & bit) != 0).count() / 400.0;
      assertEquals(expected, owned, 0.06);
    }
    assertTrue(r.devices().stream().allMatch(d -> d.modalityMask() != 0));
  }

  @Test
  void sampleMerRatesMatchOverManyPrivateRows() {
    double[] rho = {0.5, 0.7, 0.8};
    List<PartitionInput> in = inputs(400, 20); // 8000 samples, 6000 private
    PartitionResult r = Partitioner.partition(in, cfg(77, 400, rho, MerMode.SAMPLE, SplitUnit.SAMPLE));
    double none = (1 - rho[0]) * (1 - rho[1]) * (1 - rho[2]);
    long priv = r.assignments().stream().filter(a -> a.role().equals("private")).count();
    for (int m = 0; m < 3; m++) {
      int bit = 1 << m;
      double kept = r.assignments().stream().filter(a -> a.role().equals("private") && (a.presenceMask() & bit) != 0).count() / (double) priv;
      assertEquals(rho[m] / (1 - none), kept, 0.02, "modality " + m);
    }
    assertTrue(r.assignments().stream().allMatch(a -> a.presenceMask() != 0));
    assertTrue(r.assignments().stream().filter(a -> a.role().equals("public")).allMatch(a -> a.presenceMask() == ALL));
    assertTrue(r.devices().stream().allMatch(d -> d.drawnMask() == -1));
  }

  @Test
  void modalitiesMissingFromTheSourceStayMissingAndDrivesTheRedraw() {
    // like the real falls file: only depth (bit 1) exists
    List<PartitionInput> in = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      in.add(new PartitionInput("s" + i, "g" + (i / 10), 0b010));
    }
    PartitionResult r = Partitioner.partition(in, cfg(3, 20, new double[] {0.5, 0.5, 0.5}, MerMode.DEVICE, SplitUnit.GROUP));
    for (Assignment a : r.assignments()) {
      assertEquals(0b010, a.presenceMask());
    }
    for (DeviceSummary d : r.devices()) {
      assertEquals(0b010, d.modalityMask());
    }
  }

  @Test
  void badConfigurationsAreNamed() {
    assertEquals("--num-devices 40 exceeds the 30 private group units left after the public share; lower --num-devices or use --split-unit sample",
        assertThrows(IllegalArgumentException.class,
            () -> Partitioner.partition(inputs(40, 5), cfg(1, 40, new double[] {1, 1, 1}, MerMode.DEVICE, SplitUnit.GROUP))).getMessage());
    assertEquals("--mer values must be in [0, 1], got 1.5",
        assertThrows(IllegalArgumentException.class, () -> cfg(1, 3, new double[] {1.5, 1, 1}, MerMode.DEVICE, SplitUnit.SAMPLE)).getMessage());
    assertEquals("--mer gives probability 0 to every modality present in the source, so no device can own one",
        assertThrows(IllegalArgumentException.class,
            () -> Partitioner.partition(
                List.of(new PartitionInput("a", "a", 0b001), new PartitionInput("b", "b", 0b001)),
                new PartitionConfig(1, 1, new double[] {0, 1, 1}, MerMode.DEVICE, 0, 0.1, SplitUnit.SAMPLE))).getMessage());
    assertEquals("duplicate sample id 'x'",
        assertThrows(IllegalArgumentException.class,
            () -> Partitioner.partition(List.of(new PartitionInput("x", "a", 1), new PartitionInput("x", "b", 1)),
                cfg(1, 1, new double[] {1, 1, 1}, MerMode.DEVICE, SplitUnit.SAMPLE))).getMessage());
  }

  @Test
  void deviceDrawsDependOnlyOnSeedAndDeviceIndex() {
    double[] rho = {0.5, 0.5, 0.5};
    Set<Integer> masks = new HashSet<>();
    for (int j = 0; j < 50; j++) {
      int m = ModalityDraw.device(123, j, rho, ALL);
      assertEquals(m, ModalityDraw.device(123, j, rho, ALL));
      masks.add(m);
    }
    assertEquals(7, masks.size(), "all seven non-empty subsets occur");
  }
}
