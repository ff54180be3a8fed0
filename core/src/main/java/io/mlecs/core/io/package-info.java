/**
 * Persistence primitives: {@link io.mlecs.core.io.TensorCodec} (the versioned big-endian tensor-set
 * format with a CRC, never Java serialisation) and the {@link io.mlecs.core.io.FileSink} abstraction
 * with atomic writes (temporary file, then rename); the Hadoop-backed sink lives in the jobs module.
 */
package io.mlecs.core.io;
