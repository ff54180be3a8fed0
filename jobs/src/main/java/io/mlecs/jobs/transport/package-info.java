/**
 * The Spark side of a round: {@link io.mlecs.jobs.transport.SparkTransport} trains the devices of each
 * partition in one task and pre-aggregates their uploads, merged with treeAggregate;
 * {@link io.mlecs.jobs.transport.ContextBlob} ships the frozen backbones once per run;
 * {@link io.mlecs.jobs.transport.RoundPayload} is what a round broadcasts (global model and fused
 * representations); {@link io.mlecs.jobs.transport.GpuServerStage} runs SE-CCL as a one-task stage with a
 * GPU resource profile; {@link io.mlecs.jobs.transport.FaultInjection} fails tasks on purpose in tests.
 */
package io.mlecs.jobs.transport;
