package io.mlecs.eval.bertscore;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-token-id importance weights of BERTScore. Immutable.
 *
 * <p>{@link #uniform} is bert_score's {@code idf=False} table (1 everywhere, 0 for [CLS]/[SEP]);
 * {@link #fromReferences} is its {@code get_idf_dict}: {@code log((M+1)/(c+1))} for an id contained in
 * c of the M references, {@code log(M+1)} for an id that no reference contains.
 */
public final class IdfWeights {

  private final Map<Long, Double> table;
  private final double defaultWeight;

  private IdfWeights(Map<Long, Double> table, double defaultWeight) {
    this.table = table;
    this.defaultWeight = defaultWeight;
  }

  /**
   * Weight 1 for every token except the two special tokens (weight 0).
   *
   * @param clsId the [CLS] id
   * @param sepId the [SEP] id
   * @return the weights
   */
  public static IdfWeights uniform(long clsId, long sepId) {
    return new IdfWeights(Map.of(clsId, 0.0, sepId, 0.0), 1.0);
  }

  /**
   * Inverse document frequencies over a reference corpus.
   *
   * @param references the token ids of each reference (special tokens included, so they get 0)
   * @return the weights
   * @throws IllegalArgumentException when {@code references} is empty
   */
  public static IdfWeights fromReferences(List<long[]> references) {
    if (references == null || references.isEmpty()) {
      throw new IllegalArgumentException("references: at least one reference is needed for idf, got none");
    }
    Map<Long, Integer> documentCounts = new HashMap<>();
    for (long[] ids : references) {
      Set<Long> unique = new HashSet<>();
      for (long id : ids) {
        unique.add(id);
      }
      for (long id : unique) {
        documentCounts.merge(id, 1, Integer::sum);
      }
    }
    int m = references.size();
    Map<Long, Double> table = new HashMap<>();
    documentCounts.forEach((id, c) -> table.put(id, Math.log((m + 1.0) / (c + 1.0))));
    return new IdfWeights(Map.copyOf(table), Math.log(m + 1.0));
  }

  /**
   * The weight of one token id.
   *
   * @param id the token id
   * @return its weight
   */
  public double weight(long id) {
    Double w = table.get(id);
    return w == null ? defaultWeight : w;
  }

  /**
   * The weights of a sequence.
   *
   * @param ids the token ids
   * @return one weight per id
   */
  public double[] weights(long[] ids) {
    double[] out = new double[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = weight(ids[i]);
    }
    return out;
  }

  /**
   * The weight of ids absent from the table.
   *
   * @return 1 for uniform weights, log(M+1) for idf
   */
  public double defaultWeight() {
    return defaultWeight;
  }
}
