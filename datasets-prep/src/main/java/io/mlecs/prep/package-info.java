/**
 * Command-line entry points of dataset preparation: {@link io.mlecs.prep.PrepCommand} ({@code prep urfall|vast
 * ...}: raw dataset to partitioned Parquet plus manifest) and {@link io.mlecs.prep.SampleDataCommand}
 * ({@code sample-data urfall|vast ...}: small, seeded, format-faithful generated datasets). Options are parsed
 * into the validated {@link io.mlecs.prep.PrepOptions} record; the work itself is
 * {@link io.mlecs.prep.PrepPipeline}: read, partition, write.
 */
package io.mlecs.prep;
