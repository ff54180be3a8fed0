/**
 * Multi-class precision, recall and F1 with scikit-learn 1.2 definitions
 * ({@code precision_recall_fscore_support}, {@code confusion_matrix}, {@code accuracy_score}).
 *
 * <p>The label set is fixed and configurable (UR-FALL: {@code {0, 1, 2}}), so a class that is only
 * predicted still counts in the macro average, unlike Spark's {@code MulticlassMetrics}. Ratios
 * with a zero denominator take the {@code zero_division} value (0 by default). Verified against
 * {@code shared/vectors/f1_vectors.json}.
 */
package io.mlecs.eval.classification;
