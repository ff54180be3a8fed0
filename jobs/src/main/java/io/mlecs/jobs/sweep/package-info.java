/**
 * {@code mlecs sweep}: a grid of training runs (method x MER x N x seed) inside one Spark
 * application, as data.
 *
 * <p>A sweep file is a base training configuration (any key of {@code mlecs-defaults.conf}) plus a
 * {@code sweep} block (every key: {@code mlecs-sweep-defaults.conf}), parsed and validated by
 * {@link io.mlecs.jobs.sweep.SweepSettings}. {@link io.mlecs.jobs.sweep.SweepRunner} runs each
 * {@link io.mlecs.jobs.sweep.SweepCell} through {@link io.mlecs.jobs.train.TrainRun} into
 * {@code <dir>/cells/<method>/mer-<x>/n-<N>/seed-<s>/}: a finished cell is skipped, a started one
 * is resumed from its last checkpoint, so re-running the command after a kill continues. Prepared
 * data is made once per (MER, N, seed) by {@link io.mlecs.jobs.sweep.PreparedInputs}.
 * {@link io.mlecs.jobs.sweep.ResultTables} then writes the tidy tables ({@code results.csv},
 * {@code results.parquet}, {@code bytes.csv}, {@code device_params.csv}, {@code cells.csv}) that
 * {@code mlecs report} and {@code notebooks/sweep-results.ipynb} read.
 */
package io.mlecs.jobs.sweep;
