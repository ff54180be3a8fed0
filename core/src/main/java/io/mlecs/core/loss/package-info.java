/**
 * The hand-written objectives built into the SameDiff graph: the Gram-volume contrastive loss of CCL
 * ({@link io.mlecs.core.loss.GramVolume}, {@link io.mlecs.core.loss.GramContrastiveLoss}: anchor-to-others
 * and others-to-anchor, learnable temperature, label smoothing), the knowledge-transfer loss of SE-CCL
 * ({@link io.mlecs.core.loss.KnowledgeTransferLoss}) and the logit pooling it uses. Each is checked
 * against finite differences in DOUBLE and against the shared reference vectors.
 */
package io.mlecs.core.loss;
