package io.mlecs.eval.classification;

import java.util.Arrays;

/**
 * A confusion matrix over a fixed label list: rows are true labels, columns predicted labels, in the
 * order of the label list. Samples whose true or predicted label is not in the list are left out, as
 * in sklearn's {@code confusion_matrix(labels=...)}. Immutable.
 */
public final class ConfusionMatrix {

  private final int[] labels;
  private final long[][] counts;

  private ConfusionMatrix(int[] labels, long[][] counts) {
    this.labels = labels;
    this.counts = counts;
  }

  /**
   * Counts a confusion matrix.
   *
   * @param yTrue the true labels
   * @param yPred the predicted labels, same length
   * @param labels the distinct labels that index rows and columns
   * @return the matrix
   * @throws IllegalArgumentException on length mismatch or invalid labels
   */
  public static ConfusionMatrix of(int[] yTrue, int[] yPred, int[] labels) {
    ClassificationMetrics.checkInputs(yTrue, yPred, labels);
    long[][] counts = new long[labels.length][labels.length];
    for (int i = 0; i < yTrue.length; i++) {
      int row = indexOf(labels, yTrue[i]);
      int col = indexOf(labels, yPred[i]);
      if (row >= 0 && col >= 0) {
        counts[row][col]++;
      }
    }
    return new ConfusionMatrix(labels.clone(), counts);
  }

  static int indexOf(int[] labels, int label) {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == label) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The labels indexing rows and columns.
   *
   * @return a copy of the label list
   */
  public int[] labels() {
    return labels.clone();
  }

  /**
   * One cell.
   *
   * @param trueIndex the row (index into {@link #labels()})
   * @param predIndex the column
   * @return the number of samples with that true and predicted label
   */
  public long count(int trueIndex, int predIndex) {
    return counts[trueIndex][predIndex];
  }

  /**
   * The whole matrix.
   *
   * @return a copy, rows = true labels, columns = predicted labels
   */
  public long[][] toArray() {
    long[][] copy = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }

  @Override
  public String toString() {
    return "ConfusionMatrix" + Arrays.toString(labels) + Arrays.deepToString(counts);
  }
}
