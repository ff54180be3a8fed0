/**
 * The unified model M = {E, C, B} as a SameDiff graph ({@link io.mlecs.core.model.UnifiedModelGraph}):
 * modality encoders, connector (projectors, fusion MLP, soft-prompt generator) and a causal transformer
 * backbone with LoRA on the query and value projections. {@link io.mlecs.core.model.ParamStore} holds the
 * named tensors the graph shares (frozen backbone weights become graph constants),
 * {@link io.mlecs.core.model.ParamInit} / {@link io.mlecs.core.model.ParamNames} create and name them,
 * {@link io.mlecs.core.model.BatchEncoder} turns samples into placeholders, and
 * {@link io.mlecs.core.model.GraphSpec} says which objective a graph computes.
 */
package io.mlecs.core.model;
