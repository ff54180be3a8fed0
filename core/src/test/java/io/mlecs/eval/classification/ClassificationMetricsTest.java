package io.mlecs.eval.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlecs.eval.SharedVectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

  private static final double EPS = 1e-12;

  private static int[] ints(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).mapToInt(JsonNode::asInt).toArray();
  }

  @Test
  void matchesEverySklearnCase() {
    JsonNode cases = SharedVectors.load("f1_vectors.json").get("cases");
    assertTrue(cases.size() >= 7);
    for (JsonNode c : cases) {
      String id = c.get("id").asText();
      int[] yTrue = ints(c.get("y_true"));
      int[] yPred = ints(c.get("y_pred"));
      int[] defaults = ClassificationMetrics.presentLabels(yTrue, yPred);
      assertArrayEquals(ints(c.get("labels_used_by_sklearn_default")), defaults, id);

      ClassificationReport sk = ClassificationMetrics.compute(yTrue, yPred, defaults, 0.0);
      assertEquals(c.get("macro_f1").asDouble(), sk.macroF1(), EPS, id + " macro");
      assertEquals(c.get("weighted_f1").asDouble(), sk.weightedF1(), EPS, id + " weighted");
      assertEquals(c.get("micro_f1").asDouble(), sk.microF1(), EPS, id + " micro");
      assertEquals(c.get("micro_f1").asDouble(), sk.accuracy(), EPS, id + " accuracy");

      ClassificationReport fixed = ClassificationMetrics.compute(yTrue, yPred);
      assertEquals(c.get("macro_f1_labels_012").asDouble(), fixed.macroF1(), EPS, id + " macro 012");
      JsonNode per = c.get("per_class_labels_012");
      for (int k = 0; k < 3; k++) {
        ClassScores s = fixed.perClass().get(k);
        assertEquals(k, s.label());
        assertEquals(per.get("precision").get(k).asDouble(), s.precision(), EPS, id + " P" + k);
        assertEquals(per.get("recall").get(k).asDouble(), s.recall(), EPS, id + " R" + k);
        assertEquals(per.get("f1").get(k).asDouble(), s.f1(), EPS, id + " F" + k);
        assertEquals(per.get("support").get(k).asLong(), s.support(), id + " support" + k);
      }
      JsonNode cm = c.get("confusion_matrix_rows_true_cols_pred_labels_012");
      long[][] matrix = fixed.confusion().toArray();
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          assertEquals(cm.get(i).get(j).asLong(), matrix[i][j], id + " cm" + i + j);
        }
      }

      int[] trueOnly = ClassificationMetrics.presentLabels(yTrue, yTrue);
      assertEquals(c.get("macro_f1_labels_in_y_true_only").asDouble(),
          ClassificationMetrics.compute(yTrue, yPred, trueOnly, 0.0).macroF1(), EPS, id + " macro y_true");
      assertEquals(c.get("macro_f1_zero_division_1").asDouble(),
          ClassificationMetrics.compute(yTrue, yPred, defaults, 1.0).macroF1(), EPS, id + " zero_division=1");
    }
  }

  @Test
  void aClassOnlyPredictedStillCountsInTheMacroAverage() {
    ClassificationReport r = ClassificationMetrics.compute(new int[] {0, 0, 1}, new int[] {0, 2, 1});
    assertEquals(0.0, r.perClass().get(2).f1());
    assertEquals(0L, r.perClass().get(2).support());
    assertEquals((2.0 / 3 + 1 + 0) / 3, r.macroF1(), EPS);
  }

  @Test
  void rejectsBadInputsNamingTheParameter() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.compute(new int[] {0}, new int[] {0, 1})).getMessage().contains("yPred"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.compute(new int[] {0}, new int[] {0}, new int[] {0, 0}, 0)).getMessage().contains("labels"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.compute(new int[] {0}, new int[] {0}, new int[] {0}, 0.5)).getMessage().contains("0.5"));
  }
}
