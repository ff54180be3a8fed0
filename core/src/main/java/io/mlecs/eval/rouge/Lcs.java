package io.mlecs.eval.rouge;

import io.mlecs.eval.PrfScore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Longest common subsequence helpers, ported from rouge-score: the DP table, the non-recursive
 * backtrack with its tie rule (on a mismatch move left only when {@code t[i][j-1] > t[i-1][j]},
 * otherwise up), the union LCS and the summary-level LCS score of ROUGE-Lsum.
 */
public final class Lcs {

  private Lcs() {}

  /**
   * The LCS DP table ({@code _lcs_table}).
   *
   * @param ref the reference sequence
   * @param can the candidate sequence
   * @param <T> the element type (compared with {@code equals})
   * @return a {@code (|ref|+1) x (|can|+1)} table
   */
  public static <T> int[][] table(List<T> ref, List<T> can) {
    int rows = ref.size();
    int cols = can.size();
    int[][] t = new int[rows + 1][cols + 1];
    for (int i = 1; i <= rows; i++) {
      T r = ref.get(i - 1);
      for (int j = 1; j <= cols; j++) {
        if (r.equals(can.get(j - 1))) {
          t[i][j] = t[i - 1][j - 1] + 1;
        } else {
          t[i][j] = Math.max(t[i - 1][j], t[i][j - 1]);
        }
      }
    }
    return t;
  }

  /**
   * The length of the LCS.
   *
   * @param ref the reference sequence
   * @param can the candidate sequence
   * @param <T> the element type
   * @return the LCS length
   */
  public static <T> int length(List<T> ref, List<T> can) {
    if (ref.isEmpty() || can.isEmpty()) {
      return 0;
    }
    return table(ref, can)[ref.size()][can.size()];
  }

  /**
   * Indices into {@code ref} of one LCS, chosen by rouge-score's backtrack ({@code lcs_ind}).
   *
   * @param ref the reference sequence
   * @param can the candidate sequence
   * @param <T> the element type
   * @return ascending reference indices of the LCS
   */
  public static <T> List<Integer> lcsIndices(List<T> ref, List<T> can) {
    int[][] t = table(ref, can);
    int i = ref.size();
    int j = can.size();
    List<Integer> reversed = new ArrayList<>();
    while (i > 0 && j > 0) {
      if (ref.get(i - 1).equals(can.get(j - 1))) {
        reversed.add(i - 1);
        i--;
        j--;
      } else if (t[i][j - 1] > t[i - 1][j]) {
        j--;
      } else {
        i--;
      }
    }
    List<Integer> indices = new ArrayList<>(reversed.size());
    for (int k = reversed.size() - 1; k >= 0; k--) {
      indices.add(reversed.get(k));
    }
    return indices;
  }

  /**
   * The union LCS of one reference sentence against all candidate sentences ({@code _union_lcs}):
   * the reference tokens at the sorted union of every sentence's LCS indices.
   *
   * @param ref the reference sentence
   * @param candidates the candidate sentences
   * @param <T> the element type
   * @return the union-LCS tokens in reference order
   */
  public static <T> List<T> unionLcs(List<T> ref, List<? extends List<T>> candidates) {
    TreeSet<Integer> union = new TreeSet<>();
    for (List<T> can : candidates) {
      union.addAll(lcsIndices(ref, can));
    }
    List<T> tokens = new ArrayList<>(union.size());
    for (int index : union) {
      tokens.add(ref.get(index));
    }
    return tokens;
  }

  /**
   * ROUGE-L over whole token lists ({@code _score_lcs}).
   *
   * @param target the target tokens
   * @param prediction the prediction tokens
   * @param <T> the element type
   * @return precision = LCS/|prediction|, recall = LCS/|target|; zero when either is empty
   */
  public static <T> PrfScore score(List<T> target, List<T> prediction) {
    if (target.isEmpty() || prediction.isEmpty()) {
      return PrfScore.ZERO;
    }
    int lcs = length(target, prediction);
    return PrfScore.of(lcs / (double) prediction.size(), lcs / (double) target.size());
  }

  /**
   * ROUGE-Lsum's summary-level union LCS ({@code _summary_level_lcs}). Hits are counted once per
   * token occurrence: each union-LCS token consumes one remaining count on both sides.
   *
   * @param targetSentences the tokenized target sentences
   * @param predictionSentences the tokenized prediction sentences
   * @param <T> the element type
   * @return precision = hits/|prediction tokens|, recall = hits/|target tokens|
   */
  public static <T> PrfScore summaryLevel(
      List<? extends List<T>> targetSentences, List<? extends List<T>> predictionSentences) {
    if (targetSentences.isEmpty() || predictionSentences.isEmpty()) {
      return PrfScore.ZERO;
    }
    int m = 0;
    int n = 0;
    Map<T, Integer> countsTarget = new HashMap<>();
    Map<T, Integer> countsPrediction = new HashMap<>();
    for (List<T> s : targetSentences) {
      m += s.size();
      for (T t : s) {
        countsTarget.merge(t, 1, Integer::sum);
      }
    }
    for (List<T> s : predictionSentences) {
      n += s.size();
      for (T t : s) {
        countsPrediction.merge(t, 1, Integer::sum);
      }
    }
    if (m == 0 || n == 0) {
      return PrfScore.ZERO;
    }
    int hits = 0;
    for (List<T> ref : targetSentences) {
      for (T t : unionLcs(ref, predictionSentences)) {
        int c = countsPrediction.getOrDefault(t, 0);
        int r = countsTarget.getOrDefault(t, 0);
        if (c > 0 && r > 0) {
          hits++;
          countsPrediction.put(t, c - 1);
          countsTarget.put(t, r - 1);
        }
      }
    }
    return PrfScore.of(hits / (double) n, hits / (double) m);
  }
}
