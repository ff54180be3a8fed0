/**
 * The in-memory data model the engine trains on: {@link io.mlecs.core.data.DatasetSpec} (modalities,
 * instruction, task), {@link io.mlecs.core.data.Sample} (per-modality features, missing ones null, and
 * the target text), {@link io.mlecs.core.data.DeviceData} and {@link io.mlecs.core.data.FederatedData}
 * (public train/test on the server side, private shards per device), the word tokenizer, the hashed
 * text featuriser and the {@link io.mlecs.core.data.FeatureScaler} fitted on public training rows.
 */
package io.mlecs.core.data;
