package io.mlecs.report.data;

/**
 * One row of a run's {@code metrics/bytes.csv}: what one device sends or receives in a round.
 *
 * @param round the round
 * @param direction {@code up} (device to server) or {@code down}
 * @param payload {@code lora}, {@code fused}, {@code count} or {@code params}
 * @param bytes the number of bytes
 */
public record BytesPoint(int round, String direction, String payload, long bytes) {}
