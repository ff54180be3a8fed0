package io.mlecs.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlecs.core.testing.SharedVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Volumes, gradients and the contrastive example of gram_volume_vectors.json, in DOUBLE. */
class GramVolumeVectorsTest {
  private static final JsonNode VECTORS = SharedVectors.load("gram_volume_vectors.json");
  private static final double EPS = 1e-14;

  private static void assertMatrix(double[][] expected, INDArray actual, double tol, String what) {
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        assertEquals(expected[i][j], actual.getDouble(i, j), tol, what + "[" + i + "," + j + "]");
      }
    }
  }

  /**
   * Column c of A as row 0 of a [2, d] batch; row 1 is a fixed second tuple (M2.1's matmul
   * backprop rejects a batch of one), and only the (0, 0) volume enters the loss.
   */
  private static INDArray column(double[][] a, int c) {
    double[] v = new double[2 * a.length];
    for (int r = 0; r < a.length; r++) {
      v[r] = a[r][c];
      v[a.length + r] = Math.sin(1.0 + r + 3 * c);
    }
    return Nd4j.create(v, new long[] {2, a.length}, DataType.DOUBLE);
  }

  private void checkSingleVolume(JsonNode c, boolean normalized) {
    double[][] a = SharedVectors.matrix(c.get("vectors_as_columns_of_A"));
    int k = c.get("k").asInt();
    SameDiff sd = SameDiff.create();
    List<SDVariable> cols = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      SDVariable raw = sd.var("c" + i, column(a, i));
      cols.add(normalized ? GramVolume.normalizeRows(sd, raw, 0.0) : raw);
    }
    SDVariable vol = GramVolume.volumeMatrix(sd, cols.get(0), cols.subList(1, k), EPS, normalized);
    SDVariable pick = sd.constant(Nd4j.create(new double[][] {{1, 0}, {0, 0}}));
    sd.identity("v", vol.mul(pick).sum().reshape(1));
    sd.setLossVariables("v");
    double expected = c.get(normalized ? "normalized_volume" : "volume").asDouble();
    assertEquals(expected, sd.output(Map.of(), "v").get("v").getDouble(0), 1e-9,
        "volume d=" + c.get("d") + " k=" + k);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      names.add("c" + i);
    }
    Map<String, INDArray> g = sd.calculateGradients(Map.of(), names);
    double[][] expGrad = SharedVectors.matrix(
        c.get(normalized ? "grad_normalized_volume_wrt_raw_A" : "grad_volume_wrt_A"));
    for (int i = 0; i < k; i++) {
      for (int r = 0; r < a.length; r++) {
        assertEquals(expGrad[r][i], g.get("c" + i).getDouble(0, r), 1e-8,
            "dV/dA[" + r + "," + i + "] k=" + k + (normalized ? " normalized" : " raw"));
      }
    }
  }

  @Test
  void singleVolumesAndGradientsMatchReference() {
    for (JsonNode c : VECTORS.get("single_volume").get("cases")) {
      checkSingleVolume(c, false);
      checkSingleVolume(c, true);
    }
  }

  private record Contrastive(SameDiff sd, SDVariable volume) {}

  private Contrastive contrastiveGraph(JsonNode c, double smoothing, String which) {
    SameDiff sd = SameDiff.create();
    SDVariable anchor = sd.var("anchor", Nd4j.create(SharedVectors.matrix(c.get("anchor"))));
    SDVariable m2 = sd.var("m2", Nd4j.create(SharedVectors.matrix(c.get("m2"))));
    SDVariable m3 = sd.var("m3", Nd4j.create(SharedVectors.matrix(c.get("m3"))));
    SDVariable vol = GramVolume.volumeMatrix(sd, GramVolume.normalizeRows(sd, anchor, 0.0),
        List.of(GramVolume.normalizeRows(sd, m2, 0.0), GramVolume.normalizeRows(sd, m3, 0.0)),
        EPS);
    SDVariable logTau = sd.constant("log_tau",
        Nd4j.scalar(DataType.DOUBLE, Math.log(c.get("tau").asDouble())));
    int b = c.get("B").asInt();
    SDVariable targets = sd.constant("targets",
        Nd4j.create(GramContrastiveLoss.targets(b, smoothing)));
    SDVariable loss = switch (which) {
      case "anchor_to_others" -> GramContrastiveLoss.anchorToOthers(sd, "l", vol, logTau, targets);
      case "others_to_anchor" -> GramContrastiveLoss.othersToAnchor(sd, "l", vol, logTau, targets);
      default -> GramContrastiveLoss.symmetric(sd, "l", vol, logTau, targets);
    };
    sd.identity("loss", loss.reshape(1));
    sd.setLossVariables("loss");
    return new Contrastive(sd, vol);
  }

  @Test
  void contrastiveLossesAndGradientsMatchReference() {
    JsonNode c = VECTORS.get("contrastive");
    for (String which : List.of("anchor_to_others", "others_to_anchor", "symmetric_mean")) {
      Contrastive g = contrastiveGraph(c, 0.0, which);
      assertMatrix(SharedVectors.matrix(c.get("volume_matrix")),
          g.sd().output(Map.of(), g.volume().name()).get(g.volume().name()), 1e-9, "volume");
      JsonNode exp = c.get("losses").get(which);
      assertEquals(exp.get("loss").asDouble(),
          g.sd().output(Map.of(), "loss").get("loss").getDouble(0), 1e-8, which);
      Map<String, INDArray> grads =
          g.sd().calculateGradients(Map.of(), List.of("anchor", "m2", "m3"));
      for (String v : List.of("anchor", "m2", "m3")) {
        assertMatrix(SharedVectors.matrix(exp.get("grad_" + v)), grads.get(v), 1e-7,
            which + " d/d" + v);
      }
    }
  }

  @Test
  void labelSmoothedSymmetricLossMatchesReference() {
    JsonNode c = VECTORS.get("contrastive");
    Contrastive g = contrastiveGraph(c, 0.1, "symmetric_mean");
    assertEquals(c.get("symmetric_mean_with_label_smoothing_0_1").asDouble(),
        g.sd().output(Map.of(), "loss").get("loss").getDouble(0), 1e-8);
  }
}
