/**
 * The cloud side of a round: {@link io.mlecs.core.server.ServerState} (server LLM and SLM with their
 * optimiser states), {@link io.mlecs.core.server.ServerStep} (fused representations of the public data
 * for the devices; SE-CCL, in which the LLM and SLM teach each other) and the
 * {@link io.mlecs.core.server.SeCclRunner} seam through which the jobs module runs SE-CCL elsewhere
 * (the GPU stage).
 */
package io.mlecs.core.server;
