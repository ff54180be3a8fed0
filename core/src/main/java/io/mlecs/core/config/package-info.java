/**
 * Validated, serialisable run configuration records: {@link io.mlecs.core.config.RunConfig} (seed,
 * rounds, method, device and server {@link io.mlecs.core.config.ModelConfig}s,
 * {@link io.mlecs.core.config.TrainConfig}); every constructor checks its values and names the
 * offending parameter and value ({@link io.mlecs.core.config.Require}).
 */
package io.mlecs.core.config;
