package io.mlecs.eval.classification;

/**
 * The scores of one class.
 *
 * @param label the class label
 * @param precision tp / (tp + fp), or zero_division when nothing was predicted as this class
 * @param recall tp / (tp + fn), or zero_division when the class never occurs in y_true
 * @param f1 2PR / (P + R), or 0 when P + R = 0
 * @param support the number of y_true entries equal to the label
 */
public record ClassScores(int label, double precision, double recall, double f1, long support) {}
