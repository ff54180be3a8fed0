/**
 * What a run leaves on disk, written through a {@link io.mlecs.core.io.FileSink}:
 * {@link io.mlecs.core.run.RunDirectoryWriter} (metrics, bytes and per-round seconds as CSV, the run
 * manifest) and {@link io.mlecs.core.run.RunCheckpoint} (server state and global model after every round,
 * {@code LATEST} written last, so a failed run resumes from the last complete round).
 */
package io.mlecs.core.run;
