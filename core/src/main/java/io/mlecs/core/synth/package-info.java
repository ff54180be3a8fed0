/**
 * Seeded synthetic multimodal federated data (VAST-like captioning, UR-FALL-like classification) whose
 * modalities share a latent factor, for tests, the quickstart and the benchmark. Devices can be drawn one
 * after another from one stream, or each on its own stream (so a Spark task can build the devices it
 * trains).
 */
package io.mlecs.core.synth;
