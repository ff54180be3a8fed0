package io.mlecs.eval.classification;

import java.util.List;

/**
 * Everything {@link ClassificationMetrics#compute} derives from one pair of label vectors.
 *
 * @param perClass the scores of each configured label, in label-list order
 * @param macro the unweighted mean over the configured labels
 * @param weighted the mean weighted by support
 * @param micro precision/recall/F1 from the summed counts over the configured labels (equals
 *     accuracy when every occurring label is configured)
 * @param accuracy the fraction of exact matches over all samples
 * @param confusion the confusion matrix over the configured labels
 * @param zeroDivision the value used for 0/0 ratios
 */
public record ClassificationReport(
    List<ClassScores> perClass,
    AveragedScores macro,
    AveragedScores weighted,
    AveragedScores micro,
    double accuracy,
    ConfusionMatrix confusion,
    double zeroDivision) {

  /**
   * Shortcut for the macro F1.
   *
   * @return {@code macro().f1()}
   */
  public double macroF1() {
    return macro.f1();
  }

  /**
   * Shortcut for the weighted F1.
   *
   * @return {@code weighted().f1()}
   */
  public double weightedF1() {
    return weighted.f1();
  }

  /**
   * Shortcut for the micro F1.
   *
   * @return {@code micro().f1()}
   */
  public double microF1() {
    return micro.f1();
  }
}
