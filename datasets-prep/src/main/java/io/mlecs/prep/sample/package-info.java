/**
 * Seeded, format-faithful generated datasets (same file names, columns and layouts as the real UR-FALL and
 * VAST folders) that are learnable and cross-modal: every sample has a latent factor (UR-FALL: the label;
 * VAST: a caption topic plus its words) that each modality reflects with independent noise, so a model that
 * sees more modalities does better. Used by the quickstart and the tests; see
 * {@link io.mlecs.prep.sample.UrFallSampleGenerator} and {@link io.mlecs.prep.sample.VastSampleGenerator}.
 */
package io.mlecs.prep.sample;
