/**
 * The device model's supervised LM step written out by hand: forward and backward of encoders,
 * connector and the LoRA transformer with BLAS products and element-wise loops on buffers
 * allocated once per batch size ({@link io.mlecs.core.kernel.DeviceLmKernel}). The same function
 * as the SameDiff graph for that objective, several times faster per step; the SameDiff graph
 * remains the definition and computes every other objective.
 */
package io.mlecs.core.kernel;
