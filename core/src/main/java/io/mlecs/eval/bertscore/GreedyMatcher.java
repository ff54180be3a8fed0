package io.mlecs.eval.bertscore;

import io.mlecs.eval.PrfScore;

/**
 * The model-free core of BERTScore ({@code greedy_cos_idf} of bert_score 0.3.x) for one
 * candidate/reference pair. Stateless.
 */
public final class GreedyMatcher {

  private GreedyMatcher() {}

  /**
   * Scores one pair.
   *
   * @param candidate the candidate's token embeddings
   * @param reference the reference's token embeddings
   * @param weights the token weights (uniform or idf)
   * @param clsId the [CLS] id
   * @param sepId the [SEP] id
   * @return P, R, F; all 0 when either side has no token besides [CLS]/[SEP]; P or R is NaN when the
   *     weights of that side sum to 0 (bert_score behaves the same), F is then 0
   * @throws IllegalArgumentException when the hidden sizes differ
   */
  public static PrfScore score(
      TokenEmbeddings candidate, TokenEmbeddings reference, IdfWeights weights, long clsId, long sepId) {
    if (isEmpty(candidate, clsId, sepId) || isEmpty(reference, clsId, sepId)) {
      return PrfScore.ZERO;
    }
    double[][] c = normalise(candidate.states());
    double[][] r = normalise(reference.states());
    if (c[0].length != r[0].length) {
      throw new IllegalArgumentException(
          "reference: hidden size " + r[0].length + " differs from candidate hidden size " + c[0].length);
    }
    double[] bestForCandidate = new double[c.length];
    double[] bestForReference = new double[r.length];
    java.util.Arrays.fill(bestForCandidate, Double.NEGATIVE_INFINITY);
    java.util.Arrays.fill(bestForReference, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < c.length; i++) {
      for (int j = 0; j < r.length; j++) {
        double sim = dot(c[i], r[j]);
        if (sim > bestForCandidate[i]) {
          bestForCandidate[i] = sim;
        }
        if (sim > bestForReference[j]) {
          bestForReference[j] = sim;
        }
      }
    }
    double precision = weightedMean(bestForCandidate, weights.weights(candidate.ids()));
    double recall = weightedMean(bestForReference, weights.weights(reference.ids()));
    double f = 2 * precision * recall / (precision + recall);
    return new PrfScore(precision, recall, Double.isNaN(f) ? 0.0 : f);
  }

  /** bert_score's emptiness test: nothing but special tokens (its mask sums to 2). */
  private static boolean isEmpty(TokenEmbeddings e, long clsId, long sepId) {
    for (long id : e.ids()) {
      if (id != clsId && id != sepId) {
        return false;
      }
    }
    return true;
  }

  private static double[][] normalise(float[][] states) {
    double[][] out = new double[states.length][];
    for (int i = 0; i < states.length; i++) {
      float[] v = states[i];
      double norm = 0;
      for (float x : v) {
        norm += (double) x * x;
      }
      norm = Math.sqrt(norm);
      double[] u = new double[v.length];
      for (int k = 0; k < v.length; k++) {
        u[k] = v[k] / norm;
      }
      out[i] = u;
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  private static double weightedMean(double[] values, double[] weights) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < values.length; i++) {
      num += values[i] * weights[i];
      den += weights[i];
    }
    return num / den;
  }
}
