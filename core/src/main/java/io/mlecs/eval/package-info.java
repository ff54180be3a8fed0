/**
 * Evaluation metrics of ML-ECS (SPEC section 5): ROUGE ({@link io.mlecs.eval.rouge}), BERTScore
 * ({@link io.mlecs.eval.bertscore}), classification F1 ({@link io.mlecs.eval.classification}) and the
 * {@code metrics} command line ({@link io.mlecs.eval.cli}).
 *
 * <p>Every metric is a faithful port of a reference implementation (rouge-score, bert_score 0.3.x,
 * scikit-learn) and is tested against the vectors in {@code shared/vectors}.
 */
package io.mlecs.eval;
