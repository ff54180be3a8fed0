package io.mlecs.eval.classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes per-class and averaged precision/recall/F1 with scikit-learn 1.2 semantics. Stateless and
 * thread-safe.
 */
public final class ClassificationMetrics {

  /** The UR-FALL classes ("0"/"1"/"2" from -1/0/1). */
  public static final int[] DEFAULT_LABELS = {0, 1, 2};

  private ClassificationMetrics() {}

  /**
   * Scores over the fixed labels {0, 1, 2} with zero_division = 0.
   *
   * @param yTrue the true labels
   * @param yPred the predicted labels, same length
   * @return the report
   */
  public static ClassificationReport compute(int[] yTrue, int[] yPred) {
    return compute(yTrue, yPred, DEFAULT_LABELS, 0.0);
  }

  /**
   * Scores over a given label list.
   *
   * @param yTrue the true labels
   * @param yPred the predicted labels, same length
   * @param labels the distinct labels to score (samples with other labels only count as false
   *     positives/negatives of the listed labels, as in sklearn)
   * @param zeroDivision the value of a 0/0 precision or recall: 0, 1 or NaN
   * @return the report
   * @throws IllegalArgumentException on length mismatch, empty or repeated labels, or a bad
   *     zeroDivision
   */
  public static ClassificationReport compute(int[] yTrue, int[] yPred, int[] labels, double zeroDivision) {
    checkInputs(yTrue, yPred, labels);
    if (!(zeroDivision == 0.0 || zeroDivision == 1.0 || Double.isNaN(zeroDivision))) {
      throw new IllegalArgumentException("zeroDivision: must be 0, 1 or NaN, got " + zeroDivision);
    }
    int k = labels.length;
    long[] tp = new long[k];
    long[] predSum = new long[k];
    long[] trueSum = new long[k];
    long correct = 0;
    for (int i = 0; i < yTrue.length; i++) {
      int t = ConfusionMatrix.indexOf(labels, yTrue[i]);
      int p = ConfusionMatrix.indexOf(labels, yPred[i]);
      if (t >= 0) {
        trueSum[t]++;
      }
      if (p >= 0) {
        predSum[p]++;
      }
      if (yTrue[i] == yPred[i]) {
        correct++;
        if (t >= 0) {
          tp[t]++;
        }
      }
    }
    List<ClassScores> perClass = new ArrayList<>(k);
    double[] f1 = new double[k];
    double[] precision = new double[k];
    double[] recall = new double[k];
    for (int c = 0; c < k; c++) {
      precision[c] = divide(tp[c], predSum[c], zeroDivision);
      recall[c] = divide(tp[c], trueSum[c], zeroDivision);
      f1[c] = f1(precision[c], recall[c]);
      perClass.add(new ClassScores(labels[c], precision[c], recall[c], f1[c], trueSum[c]));
    }
    AveragedScores macro = new AveragedScores(mean(precision), mean(recall), mean(f1));
    AveragedScores weighted = weighted(precision, recall, f1, trueSum, predSum, zeroDivision);
    long tpAll = Arrays.stream(tp).sum();
    double microP = divide(tpAll, Arrays.stream(predSum).sum(), zeroDivision);
    double microR = divide(tpAll, Arrays.stream(trueSum).sum(), zeroDivision);
    AveragedScores micro = new AveragedScores(microP, microR, f1(microP, microR));
    double accuracy = yTrue.length == 0 ? 0.0 : correct / (double) yTrue.length;
    return new ClassificationReport(
        List.copyOf(perClass), macro, weighted, micro, accuracy,
        ConfusionMatrix.of(yTrue, yPred, labels), zeroDivision);
  }

  /**
   * sklearn's default label list: the sorted union of the labels in y_true and y_pred.
   *
   * @param yTrue the true labels
   * @param yPred the predicted labels
   * @return the sorted distinct labels
   */
  public static int[] presentLabels(int[] yTrue, int[] yPred) {
    TreeSet<Integer> set = new TreeSet<>();
    Arrays.stream(yTrue).forEach(set::add);
    Arrays.stream(yPred).forEach(set::add);
    return set.stream().mapToInt(Integer::intValue).toArray();
  }

  static void checkInputs(int[] yTrue, int[] yPred, int[] labels) {
    if (yTrue == null || yPred == null) {
      throw new IllegalArgumentException("yTrue/yPred: must not be null");
    }
    if (yTrue.length != yPred.length) {
      throw new IllegalArgumentException(
          "yPred: length " + yPred.length + " differs from yTrue length " + yTrue.length);
    }
    if (labels == null || labels.length == 0) {
      throw new IllegalArgumentException("labels: at least one label is required, got " + Arrays.toString(labels));
    }
    Set<Integer> seen = new HashSet<>();
    for (int label : labels) {
      if (!seen.add(label)) {
        throw new IllegalArgumentException("labels: label " + label + " is repeated in " + Arrays.toString(labels));
      }
    }
  }

  private static double divide(long numerator, long denominator, double zeroDivision) {
    return denominator == 0 ? zeroDivision : numerator / (double) denominator;
  }

  /** sklearn 1.2: F = 2PR / (P + R) on the (zero_division-substituted) P and R; 0 when P + R = 0. */
  private static double f1(double p, double r) {
    double denom = p + r;
    return denom == 0.0 ? 0.0 : 2 * p * r / denom;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  private static AveragedScores weighted(
      double[] p, double[] r, double[] f, long[] trueSum, long[] predSum, double zeroDivision) {
    long total = Arrays.stream(trueSum).sum();
    if (total == 0) {
      // sklearn 1.2: all-zero weights -> zero_division (NaN/"warn" treated as 0), see its source
      double z = zeroDivision == 1.0 ? 1.0 : 0.0;
      if (Arrays.stream(predSum).sum() == 0) {
        return new AveragedScores(z, z, z);
      }
      return new AveragedScores(0.0, z, 0.0);
    }
    double wp = 0;
    double wr = 0;
    double wf = 0;
    for (int c = 0; c < p.length; c++) {
      wp += p[c] * trueSum[c];
      wr += r[c] * trueSum[c];
      wf += f[c] * trueSum[c];
    }
    return new AveragedScores(wp / total, wr / total, wf / total);
  }
}
