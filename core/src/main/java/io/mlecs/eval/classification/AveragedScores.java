package io.mlecs.eval.classification;

/**
 * Precision, recall and F1 averaged over classes (macro, weighted or micro).
 *
 * @param precision the averaged precision
 * @param recall the averaged recall
 * @param f1 the averaged F1 (for macro and weighted: the average of per-class F1, not F1 of averages)
 */
public record AveragedScores(double precision, double recall, double f1) {}
