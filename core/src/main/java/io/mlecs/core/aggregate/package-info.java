/**
 * Server-side aggregation of device uploads: {@link io.mlecs.core.aggregate.FixedPointAccumulator}
 * sums weighted tensors in 2^-40 fixed point, so the mean is exact and independent of the order in which
 * partial sums are merged (what makes the in-process and Spark transports bit-identical);
 * {@link io.mlecs.core.aggregate.AggregationRule} chooses the weights (MMA's |M_j|, sample counts,
 * uniform); {@link io.mlecs.core.aggregate.LoraRanks} pads heterogeneous ranks for dimension-wise
 * averaging (FediLoRA); {@link io.mlecs.core.aggregate.ServerOptimizer} turns the mean into the next
 * global tensors (plain average or FedAdagrad).
 */
package io.mlecs.core.aggregate;
