package io.mlecs.eval.bertscore;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlecs.eval.SharedVectors;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code synthetic} block of bertscore_vectors.json. */
final class SyntheticVectors {

  static final JsonNode SYNTHETIC = SharedVectors.load("bertscore_vectors.json").get("synthetic");

  private SyntheticVectors() {}

  static long[] ids(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asLong();
    }
    return out;
  }

  static float[][] matrix(JsonNode rows) {
    float[][] out = new float[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      JsonNode row = rows.get(i);
      out[i] = new float[row.size()];
      for (int k = 0; k < row.size(); k++) {
        out[i][k] = (float) row.get(k).asDouble();
      }
    }
    return out;
  }

  static TokenEmbeddings candidate() {
    return new TokenEmbeddings(ids(SYNTHETIC.get("cand_ids")), null, matrix(SYNTHETIC.get("cand_h")));
  }

  static TokenEmbeddings reference() {
    return new TokenEmbeddings(ids(SYNTHETIC.get("ref_ids")), null, matrix(SYNTHETIC.get("ref_h")));
  }

  static List<long[]> idfCorpus() {
    List<long[]> refs = new ArrayList<>();
    SYNTHETIC.get("idf_corpus_refs").forEach(r -> refs.add(ids(r)));
    return refs;
  }

  static long cls() {
    return SYNTHETIC.get("cls_id").asLong();
  }

  static long sep() {
    return SYNTHETIC.get("sep_id").asLong();
  }
}
