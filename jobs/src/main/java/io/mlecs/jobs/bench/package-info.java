/**
 * {@code mlecs bench}: the benchmark that prints its figures with the configuration, seed,
 * versions and machine that produced them — in-process training throughput and communication
 * (from {@code io.mlecs.core.bench}) plus the Spark sections: overhead of the Spark transport over
 * the in-process one, and one round at growing device counts (time per device-round, driver peak
 * heap).
 */
package io.mlecs.jobs.bench;
