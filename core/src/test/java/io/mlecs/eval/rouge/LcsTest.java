package io.mlecs.eval.rouge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlecs.eval.PrfScore;
import io.mlecs.eval.SharedVectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LcsTest {

  private static List<Integer> ints(JsonNode array) {
    List<Integer> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asInt()));
    return out;
  }

  @Test
  void matchesTheBacktrackAndUnionCasesOfTheSharedVectors() {
    JsonNode cases = SharedVectors.load("rouge_vectors.json").get("lcs_backtrack_cases");
    int checked = 0;
    for (JsonNode c : cases) {
      List<Integer> ref = ints(c.get("ref"));
      if (c.has("can")) {
        List<Integer> can = ints(c.get("can"));
        assertEquals(c.get("lcs_length").asInt(), Lcs.length(ref, can));
        assertEquals(ints(c.get("ref_indices")), Lcs.lcsIndices(ref, can));
      } else {
        List<List<Integer>> cans = new ArrayList<>();
        c.get("cans").forEach(n -> cans.add(ints(n)));
        assertEquals(ints(c.get("union_lcs_tokens")), Lcs.unionLcs(ref, cans));
        PrfScore s = Lcs.summaryLevel(List.of(ref), cans);
        assertEquals(c.get("summary_level").get("recall").asDouble(), s.recall(), 1e-12);
        assertEquals(c.get("summary_level").get("precision").asDouble(), s.precision(), 1e-12);
      }
      checked++;
    }
    assertEquals(cases.size(), checked);
  }

  @Test
  void tieRuleMovesUpUnlessLeftIsStrictlyBetter() {
    // ref a b, can b a: both LCS of length 1; rouge-score's backtrack keeps ref index 0 ("a")
    assertEquals(List.of(0), Lcs.lcsIndices(List.of("a", "b"), List.of("b", "a")));
  }
}
