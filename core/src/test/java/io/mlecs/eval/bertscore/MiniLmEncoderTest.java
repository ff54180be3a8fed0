package io.mlecs.eval.bertscore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlecs.eval.PrfScore;
import io.mlecs.eval.SharedVectors;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real model once per class (session creation takes about a second). */
class MiniLmEncoderTest {

  /** Java vs Python differ by ~5e-11 here; thread scheduling and padding can add float32 noise. */
  private static final double MODEL_EPS = 1e-6;

  private static MiniLmEncoder encoder;

  @BeforeAll
  static void load() {
    TestEngineCache.redirect();
    encoder = new MiniLmEncoder(EncoderConfig.defaults().withThreads(2).withBatchSize(4));
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  private static String[] strings(JsonNode array) {
    String[] out = new String[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asText();
    }
    return out;
  }

  @Test
  void reproducesTheRecordedJavaAndPythonScores() {
    JsonNode spike = SharedVectors.load("bertscore_vectors.json").get("java_spike_recheck");
    String cand = spike.get("candidate").asText();
    String ref = spike.get("reference").asText();
    assertArrayEquals(strings(spike.get("cand_tokens")), encoder.tokens(cand));
    assertArrayEquals(strings(spike.get("ref_tokens")), encoder.tokens(ref));
    PrfScore s = new BertScorer(encoder, BertScoreOptions.DEFAULTS).score(List.of(cand), List.of(ref)).get(0);
    JsonNode python = spike.get("python");
    assertEquals(python.get("P").asDouble(), s.precision(), MODEL_EPS);
    assertEquals(python.get("R").asDouble(), s.recall(), MODEL_EPS);
    assertEquals(python.get("F").asDouble(), s.fmeasure(), MODEL_EPS);
  }

  @Test
  void batchingAndPaddingDoNotChangeTheStates() {
    List<String> texts = List.of("a dog runs", "a much longer sentence about a cat that sleeps on the warm mat",
        "", "birds", "the quick brown fox", "two people talk in a kitchen while music plays");
    List<TokenEmbeddings> batched = encoder.encode(texts);
    for (int i = 0; i < texts.size(); i++) {
      TokenEmbeddings alone = encoder.encode(texts.get(i));
      TokenEmbeddings inBatch = batched.get(i);
      assertArrayEquals(alone.ids(), inBatch.ids(), texts.get(i));
      assertEquals(384, inBatch.states()[0].length);
      for (int t = 0; t < alone.length(); t++) {
        assertArrayEquals(alone.states()[t], inBatch.states()[t], 1e-4f, texts.get(i) + " token " + t);
      }
    }
  }

  @Test
  void truncatesAt512NotAtTheBundled128() {
    StringBuilder long300 = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      long300.append("word ");
    }
    assertEquals(302, encoder.tokens(long300.toString()).length);
    String long600 = long300.toString().repeat(2);
    TokenEmbeddings e = encoder.encode(long600);
    assertEquals(512, e.length());
    assertEquals(MiniLmEncoder.SEP_ID, e.ids()[511]);
  }

  @Test
  void emptyCandidateScoresZeroAndIdfRanksRelatedPairsHigher() {
    BertScorer idf = new BertScorer(encoder, new BertScoreOptions(true, null));
    List<String> refs = List.of("a woman plays the guitar", "a man rides a horse", "children swim in a lake");
    List<PrfScore> matched = idf.score(List.of("", "a man is riding a horse", "kids are swimming in a lake"), refs);
    assertEquals(PrfScore.ZERO, matched.get(0));
    List<PrfScore> swapped = idf.score(List.of("", "kids are swimming in a lake", "a man is riding a horse"), refs);
    assertTrue(matched.get(1).fmeasure() > swapped.get(1).fmeasure(), matched + " vs " + swapped);
    assertTrue(matched.get(2).fmeasure() > swapped.get(2).fmeasure(), matched + " vs " + swapped);
    assertEquals("true", System.getProperty("ai.djl.offline"), "DJL runs offline");
    String cache = System.getProperty("ENGINE_CACHE_DIR");
    if (cache != null) {
      assertTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of(cache, "tokenizers")),
          "the native tokenizer library was extracted from the jar into " + cache);
    }
  }
}
