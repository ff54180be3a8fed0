/**
 * The ML-ECS data partition, pure Java and deterministic (same inputs and seed give the same assignment,
 * independent of input order): a public share (default 1/4, omni-modal), N devices for the rest, a
 * train/test split inside every local dataset, and modality presence drawn by MER per device or per sample.
 * See {@link io.mlecs.prep.partition.Partitioner} for the exact procedure.
 */
package io.mlecs.prep.partition;
