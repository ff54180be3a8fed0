/**
 * Aggregations behind the report: which metric is the main one, Avg/Best/Worst over devices (best is
 * the minimum for loss-like metrics), and mean ± sample standard deviation over seeds.
 */
package io.mlecs.report.analysis;
