/**
 * Test support: a real multi-process Spark standalone cluster on loopback
 * ({@link io.mlecs.jobs.testing.StandaloneCluster}) and process-tree helpers.
 */
package io.mlecs.jobs.testing;
