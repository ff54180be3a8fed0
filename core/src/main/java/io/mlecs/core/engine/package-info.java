/**
 * The round engine (Algorithm 1): {@link io.mlecs.core.engine.RoundEngine} drives rounds through a
 * {@link io.mlecs.core.engine.RoundTransport} ({@link io.mlecs.core.engine.LocalTransport} here, the
 * Spark transport in the jobs module); {@link io.mlecs.core.engine.DeviceTrainer} runs a device's CCL
 * and AMT stages, {@link io.mlecs.core.engine.DeviceRoundRunner} one device-round (state in, train,
 * evaluate, upload, state out); {@link io.mlecs.core.engine.Method} describes ML-ECS, its ablations
 * and the baselines as policies on the one engine; {@link io.mlecs.core.engine.TaskScorers} and
 * {@link io.mlecs.core.engine.Evaluation} give the per-round metrics.
 */
package io.mlecs.core.engine;
