package io.mlecs.report.analysis;

/**
 * Client Avg / Best / Worst and the server value of one sweep cell, each as mean ± std over seeds.
 *
 * @param avg the device average
 * @param best the best device
 * @param worst the worst device
 * @param server the server
 * @param seeds the number of seeds with data
 */
public record SeedSummary(MeanStd avg, MeanStd best, MeanStd worst, MeanStd server, int seeds) {}
