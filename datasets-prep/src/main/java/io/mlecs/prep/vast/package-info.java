/**
 * Reader of a VAST (VAST-27M annotation) folder:
 *
 * <ul>
 *   <li>{@code annotations.json} (a JSON array of records) or {@code annotations.jsonl} (one record per line),
 *       or the file named by {@code --annotations}; records carry {@code clip_id}, {@code vast_cap} (the target
 *       caption), {@code vision_cap}, {@code audio_cap}, {@code subtitle};
 *   <li>{@code vision/{clip_id}.npy} and {@code audio/{clip_id}.npy}: per-clip feature arrays read by the strict
 *       {@link io.mlecs.prep.vast.NpyReader} (a 2-D array becomes its mean over rows).
 * </ul>
 *
 * Caption fields may be a string or a list of strings, see {@link io.mlecs.prep.vast.CaptionField}.
 */
package io.mlecs.prep.vast;
