package io.mlecs.eval.rouge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlecs.eval.SharedVectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PorterStemmerTest {

  private final PorterStemmer stemmer = new PorterStemmer();

  @Test
  void matchesEveryNltkExtensionsStemInTheSharedVectors() {
    JsonNode stems = SharedVectors.load("porter_nltk_vectors.json").get("stems");
    assertTrue(stems.size() > 100, "vector file has the expected size");
    List<String> failures = new ArrayList<>();
    for (JsonNode s : stems) {
      String word = s.get("word").asText();
      String expected = s.get("nltk_extensions").asText();
      String actual = stemmer.stem(word);
      if (!expected.equals(actual)) {
        failures.add(word + ": expected " + expected + " got " + actual);
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void nltkExtensionsDifferFromTheOriginalAlgorithm() {
    assertEquals("tie", stemmer.stem("ties"));
    assertEquals("die", stemmer.stem("dying"));
    assertEquals("fli", stemmer.stem("fly"));
    assertEquals("sky", stemmer.stem("skies"));
    assertEquals("geolog", stemmer.stem("geology"));
  }

  @Test
  void shortWordsAreOnlyLowercased() {
    assertEquals("is", stemmer.stem("IS"));
    assertEquals("a", stemmer.stem("a"));
  }
}
