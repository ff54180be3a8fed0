/**
 * Training data on Spark: {@link io.mlecs.jobs.data.PreparedData} reads a prepared dataset (Parquet and
 * {@code _manifest.json}, checked by {@link io.mlecs.jobs.data.PreparedManifest}) into public rows on the
 * driver and device shards as a cached RDD grouped by device id ({@link io.mlecs.jobs.data.RowConverter}
 * turns rows into samples); {@link io.mlecs.jobs.data.SyntheticShards} builds generated devices inside
 * the tasks; {@link io.mlecs.jobs.data.DeviceShards} says how many partitions the shards take.
 */
package io.mlecs.jobs.data;
