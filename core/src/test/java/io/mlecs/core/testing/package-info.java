/**
 * Test support for the core: {@link io.mlecs.core.testing.GradientCheck} (central finite differences in
 * DOUBLE against SameDiff's gradients), {@link io.mlecs.core.testing.SharedVectors} (the reference values
 * of the shared vectors folder), and tiny models, data sets and run configurations
 * ({@link io.mlecs.core.testing.TinyModels}, {@link io.mlecs.core.testing.TinyRuns}) that keep tests fast.
 */
package io.mlecs.core.testing;
