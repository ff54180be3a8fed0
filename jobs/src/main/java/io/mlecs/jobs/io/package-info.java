/**
 * {@link io.mlecs.jobs.io.HadoopFileSink}: the core's file sink on the Hadoop FileSystem API (local
 * paths, {@code hdfs://}, {@code dbfs:/}, {@code s3a://}), with atomic writes by temporary file and
 * rename; serialisable, so tasks write device state through it.
 */
package io.mlecs.jobs.io;
