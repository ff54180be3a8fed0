package io.mlecs.report.data;

/**
 * One row of a sweep's {@code results.csv}.
 *
 * @param method the method name
 * @param mer the modality existing rate as written in the file (e.g. {@code 0.5})
 * @param numDevices the number of devices N
 * @param seed the seed
 * @param round the round
 * @param device the device id or {@link MetricPoint#SERVER}
 * @param split {@code train} or {@code test}
 * @param metric the metric name
 * @param value the value
 */
public record SweepPoint(
    String method, String mer, int numDevices, long seed, int round, int device, String split, String metric,
    double value) {}
