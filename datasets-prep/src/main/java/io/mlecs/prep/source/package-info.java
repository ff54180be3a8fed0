/**
 * The dataset-neutral model every reader produces: {@link io.mlecs.prep.source.RawSample} rows, the
 * {@link io.mlecs.prep.source.ModalitySpec modality order}, the source files read (with digests), and the
 * strict bad-input policy ({@link io.mlecs.prep.source.BadRows}: fail with a message naming file, line and
 * value, or skip and count). Pure Java, no Spark.
 */
package io.mlecs.prep.source;
