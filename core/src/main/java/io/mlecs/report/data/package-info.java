/**
 * Readers of the report inputs: a run directory ({@code run-manifest.json},
 * {@code metrics/metrics.csv}, {@code metrics/bytes.csv}, {@code metrics/rounds.csv}) and a sweep
 * directory ({@code results.csv}, optional {@code bytes.csv} and {@code device_params.csv}).
 *
 * <p>Files are decoded as strict UTF-8; CSV files need the documented columns in their header (any
 * order, extra columns ignored), support RFC 4180 quoting and skip blank lines. Every problem is
 * reported as a {@link io.mlecs.report.data.ReportInputException} naming the file, the 1-based line
 * and, where it applies, the column and the bad value.
 *
 * <p>Byte counts ({@code bytes.csv}) are what one device sends ({@code up}) or receives
 * ({@code down}) in that round; the report divides them by 4 (float32) and by the device model's
 * parameter count to express them as a percentage of the device model.
 */
package io.mlecs.report.data;
