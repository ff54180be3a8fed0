/**
 * Spark entry points of ML-ECS: {@link io.mlecs.jobs.Main}, the single main class for {@code bin/mlecs} and
 * {@code spark-submit}, and the registry of its subcommands, {@link io.mlecs.jobs.Commands}.
 */
package io.mlecs.jobs;
