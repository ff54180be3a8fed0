package io.mlecs.eval.bertscore;

import static io.mlecs.eval.bertscore.SyntheticVectors.SYNTHETIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlecs.eval.PrfScore;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GreedyMatcherTest {

  /** The vectors are float64 in Python; ours are float32 token states, hence 1e-6. */
  private static final double EPS = 1e-6;

  private static void assertPrf(JsonNode expected, PrfScore actual, String what) {
    assertEquals(expected.get("P").asDouble(), actual.precision(), EPS, what + " P");
    assertEquals(expected.get("R").asDouble(), actual.recall(), EPS, what + " R");
    assertEquals(expected.get("F").asDouble(), actual.fmeasure(), EPS, what + " F");
  }

  private static PrfScore scoreWith(IdfWeights weights) {
    return GreedyMatcher.score(SyntheticVectors.candidate(), SyntheticVectors.reference(), weights,
        SyntheticVectors.cls(), SyntheticVectors.sep());
  }

  @Test
  void withoutIdfMatchesTheSyntheticVector() {
    assertPrf(SYNTHETIC.get("idf_false"),
        scoreWith(IdfWeights.uniform(SyntheticVectors.cls(), SyntheticVectors.sep())), "idf=false");
  }

  @Test
  void idfTableAndIdfScoreMatchTheSyntheticVector() {
    IdfWeights idf = IdfWeights.fromReferences(SyntheticVectors.idfCorpus());
    for (Iterator<Map.Entry<String, JsonNode>> it = SYNTHETIC.get("idf_table").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      assertEquals(e.getValue().asDouble(), idf.weight(Long.parseLong(e.getKey())), 1e-12, "idf " + e.getKey());
    }
    assertEquals(SYNTHETIC.get("idf_default").asDouble(), idf.weight(999_999L), 1e-12);
    assertPrf(SYNTHETIC.get("idf_true"), scoreWith(idf), "idf=true");
  }

  @Test
  void rescaleMatchesTheSyntheticVector() {
    JsonNode b = SYNTHETIC.get("baseline_example");
    BaselineRescale rescale = new BaselineRescale(b.get("P").asDouble(), b.get("R").asDouble(), b.get("F").asDouble());
    PrfScore raw = scoreWith(IdfWeights.uniform(SyntheticVectors.cls(), SyntheticVectors.sep()));
    assertPrf(SYNTHETIC.get("rescaled_idf_false"), rescale.apply(raw), "rescaled");
  }

  @Test
  void onlySpecialTokensScoresZero() {
    float[][] two = {{1f, 0f}, {0f, 1f}};
    TokenEmbeddings empty = new TokenEmbeddings(new long[] {101, 102}, null, two);
    TokenEmbeddings word = new TokenEmbeddings(new long[] {101, 7, 102}, null, new float[][] {{1f, 0f}, {1f, 1f}, {0f, 1f}});
    IdfWeights w = IdfWeights.uniform(101, 102);
    assertEquals(PrfScore.ZERO, GreedyMatcher.score(empty, word, w, 101, 102));
    assertEquals(PrfScore.ZERO, GreedyMatcher.score(word, empty, w, 101, 102));
    assertEquals(1.0, GreedyMatcher.score(word, word, w, 101, 102).fmeasure(), 1e-12);
  }

  @Test
  void rejectsMismatchedShapes() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new TokenEmbeddings(new long[] {1, 2}, null, new float[][] {{1f}})).getMessage().contains("states"));
    assertThrows(IllegalArgumentException.class, () -> new BaselineRescale(1.0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> IdfWeights.fromReferences(java.util.List.of()));
  }
}
