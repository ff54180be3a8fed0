package io.mlecs.report.data;

/**
 * One row of a sweep's optional {@code bytes.csv}: what one device sends or receives in a round.
 *
 * @param method the method name
 * @param mer the modality existing rate as written
 * @param numDevices the number of devices N
 * @param seed the seed
 * @param round the round
 * @param direction {@code up} or {@code down}
 * @param payload {@code lora}, {@code encoder}, {@code connector}, {@code other}, {@code fused}, {@code count} or {@code params}
 * @param bytes the number of bytes
 */
public record SweepBytes(
    String method, String mer, int numDevices, long seed, int round, String direction, String payload, long bytes) {}
