/**
 * Benchmarks of the parts of ML-ECS that need no Spark: device training throughput of the unified
 * model (with an analytic matmul FLOP estimate against a measured SGEMM peak), per-round
 * communication volume by payload (measured at the default sizes, analytic at the paper's
 * GPT-2-720M-like proportions) and in-process round time per device-round.
 *
 * <p>{@link io.mlecs.core.bench.BenchMain} runs them all and prints one JSON document; see
 * {@code docs/performance.md} for the figures and the exact commands. Nothing here is used by
 * training, aggregation or the tests of the method.
 */
package io.mlecs.core.bench;
