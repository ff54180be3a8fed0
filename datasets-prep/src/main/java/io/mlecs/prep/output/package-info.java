/**
 * The prepared output, one layout for both datasets: {@code data/} (flat Parquet files, the schema of
 * {@link io.mlecs.prep.output.PreparedSchema}, rows sorted by device id then sample id) and
 * {@code _manifest.json} ({@link io.mlecs.prep.output.ManifestBuilder}), written to a temporary sibling folder and
 * renamed into place ({@link io.mlecs.prep.output.AtomicOutput}). Documented in {@code docs/DATA_FORMAT.md}.
 */
package io.mlecs.prep.output;
