/**
 * The unified model's training steps written out by hand
 * ({@link io.mlecs.core.kernel.UnifiedModelKernel}): forward and backward of encoders, connector
 * and the LoRA transformer, with the supervised LM loss, the Gram-volume contrastive loss and the
 * knowledge-transfer loss, as BLAS products and element-wise loops on buffers allocated once per
 * batch size; also backbone pretraining and the forward passes of inference. The same functions
 * as the SameDiff graph (the model's definition, and the {@code samediff} step engine), several
 * times faster.
 */
package io.mlecs.core.kernel;
