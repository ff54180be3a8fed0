/**
 * {@code mlecs train}: {@link io.mlecs.jobs.train.TrainSettings} (HOCON over the defaults, every key
 * checked before any work), {@link io.mlecs.jobs.train.RunData} (prepared or synthetic data),
 * {@link io.mlecs.jobs.train.RunModelStore} (pretrained backbones saved and reloaded),
 * {@link io.mlecs.jobs.train.TrainRun} (the round engine through the Spark or in-process transport, with
 * metrics, checkpoints, resume and a progress line per round) and the run manifest and Parquet metrics.
 */
package io.mlecs.jobs.train;
