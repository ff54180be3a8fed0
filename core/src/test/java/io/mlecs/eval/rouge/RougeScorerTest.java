package io.mlecs.eval.rouge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlecs.eval.PrfScore;
import io.mlecs.eval.SharedVectors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RougeScorerTest {

  @Test
  void matchesEveryOfficialCaseTo1e6() {
    JsonNode cases = SharedVectors.load("rouge_vectors.json").get("official_cases");
    assertTrue(cases.size() >= 20);
    for (JsonNode c : cases) {
      RougeType type = RougeType.fromKey(c.get("rouge_type").asText());
      RougeScorer scorer = new RougeScorer(java.util.EnumSet.of(type), c.get("use_stemmer").asBoolean());
      PrfScore s = scorer.score(c.get("target").asText(), c.get("prediction").asText()).get(type);
      String id = c.get("id").asText();
      JsonNode expected = c.get("computed_here");
      assertEquals(expected.get("precision").asDouble(), s.precision(), 1e-6, id + " precision");
      assertEquals(expected.get("recall").asDouble(), s.recall(), 1e-6, id + " recall");
      assertEquals(expected.get("fmeasure").asDouble(), s.fmeasure(), 1e-6, id + " fmeasure");
      double places = Math.pow(10, -c.get("places").asInt());
      assertEquals(c.get("expected").get("fmeasure").asDouble(), s.fmeasure(), places, id + " published");
    }
  }

  @Test
  void allTypesAtOnceEqualTypesOneByOne() {
    RougeScorer all = RougeScorer.allTypes(true);
    String target = "The cats are running.\nA dog barks loudly";
    String prediction = "a cat runs\nthe dogs bark";
    Map<RougeType, PrfScore> scores = all.score(target, prediction);
    assertEquals(4, scores.size());
    for (RougeType type : RougeType.values()) {
      assertEquals(all.score(type, target, prediction), scores.get(type), type.key());
    }
  }

  @Test
  void tokenizerLowercasesSplitsOnNonAlphanumericsAndStemsLongTokensOnly() {
    assertEquals(List.of("hello", "world", "42"), new RougeTokenizer(false).tokenize("Hello, WORLD!42"));
    assertEquals(List.of("the", "cat", "run", "fli"), new RougeTokenizer(true).tokenize("The cats running flies"));
    assertEquals(List.of("tie", "cat"), new RougeTokenizer(true).tokenize("ties cats"));
    assertEquals(List.of(), new RougeTokenizer(true).tokenize(" /// "));
  }

  @Test
  void rejectsUnknownTypeAndEmptyTypeSet() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RougeType.fromKey("rouge9"));
    assertTrue(e.getMessage().contains("rouge9"));
    assertThrows(IllegalArgumentException.class, () -> new RougeScorer(java.util.EnumSet.noneOf(RougeType.class), false));
  }
}
