package io.mlecs.core.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.core.data.DeviceData;
import io.mlecs.core.data.FederatedData;
import io.mlecs.core.data.Sample;
import io.mlecs.core.data.TaskType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator's two ways of building devices: all from one stream, or each on its own. */
class SyntheticFederatedDataTest {
  private static SyntheticOptions options(int devices, double noise) {
    return new SyntheticOptions(TaskType.CLASSIFICATION, devices, 20, 60, 12, 0.6, noise, 11);
  }

  private static void assertSameSamples(List<Sample> a, List<Sample> b) {
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).id(), b.get(i).id());
      assertEquals(a.get(i).targetText(), b.get(i).targetText());
      float[][] fa = a.get(i).features();
      float[][] fb = b.get(i).features();
      for (int m = 0; m < fa.length; m++) {
        assertArrayEquals(fa[m], fb[m], a.get(i).id() + " modality " + m);
      }
    }
  }

  @Test
  void publicPartIsThePublicDataOfTheWholeDataset() {
    FederatedData whole = SyntheticFederatedData.generate(options(4, 1.0));
    FederatedData pub = SyntheticFederatedData.publicPart(options(4, 1.0));
    assertSameSamples(whole.publicTrain(), pub.publicTrain());
    assertSameSamples(whole.publicTest(), pub.publicTest());
    assertTrue(pub.devices().isEmpty());
  }

  @Test
  void aDeviceOnItsOwnStreamDependsOnlyOnSeedAndId() {
    DeviceData small = SyntheticFederatedData.deviceOwnStream(options(10, 1.0), 3);
    DeviceData large = SyntheticFederatedData.deviceOwnStream(options(1000, 1.0), 3);
    assertEquals(small.modalityMask(), large.modalityMask());
    assertSameSamples(small.train(), large.train());
    assertSameSamples(small.test(), large.test());
    DeviceData other = SyntheticFederatedData.deviceOwnStream(options(10, 1.0), 4);
    assertFalse(small.train().get(0).targetText().equals(other.train().get(0).targetText())
        && java.util.Arrays.equals(firstPresent(small.train().get(0)),
            firstPresent(other.train().get(0))), "devices 3 and 4 drew the same first sample");
    assertEquals(18, small.train().size());
    assertEquals(2, small.test().size());
    for (Sample s : small.train()) {
      assertEquals(small.modalityMask(), s.presenceMask(), s.id());
    }
  }

  @Test
  void ownStreamDevicesShareTheClassCentresOfThePublicData() {
    // no feature noise: a nearest-centroid rule fitted on the public data must classify the
    // devices' samples; with centres of their own they would be at chance (1/3)
    SyntheticOptions o = options(6, 0.0);
    FederatedData pub = SyntheticFederatedData.publicPart(o);
    int correct = 0;
    int total = 0;
    for (int d = 0; d < 6; d++) {
      DeviceData dev = SyntheticFederatedData.deviceOwnStream(o, d);
      int m = Integer.numberOfTrailingZeros(dev.modalityMask());
      double[][] centroids = centroids(pub.publicTrain(), m);
      for (Sample s : dev.train()) {
        correct += nearest(centroids, s.features()[m]) == s.label() ? 1 : 0;
        total++;
      }
    }
    assertTrue(correct >= 0.9 * total, correct + " of " + total);
  }

  @Test
  void deviceIdOutsideTheDatasetIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SyntheticFederatedData.deviceOwnStream(options(5, 1.0), 5));
    assertEquals("device 5 is outside 0..4", e.getMessage());
  }

  private static float[] firstPresent(Sample s) {
    for (float[] f : s.features()) {
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  private static double[][] centroids(List<Sample> samples, int m) {
    double[][] c = new double[3][samples.get(0).features()[m].length];
    int[] n = new int[3];
    for (Sample s : samples) {
      n[s.label()]++;
      for (int j = 0; j < c[0].length; j++) {
        c[s.label()][j] += s.features()[m][j];
      }
    }
    for (int k = 0; k < 3; k++) {
      for (int j = 0; j < c[k].length; j++) {
        c[k][j] /= Math.max(1, n[k]);
      }
    }
    return c;
  }

  private static int nearest(double[][] centroids, float[] x) {
    int best = -1;
    double bestD = Double.MAX_VALUE;
    for (int k = 0; k < centroids.length; k++) {
      double dist = 0;
      for (int j = 0; j < x.length; j++) {
        double t = x[j] - centroids[k][j];
        dist += t * t;
      }
      if (dist < bestD) {
        bestD = dist;
        best = k;
      }
    }
    return best;
  }
}
