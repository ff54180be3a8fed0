package io.mlecs.prep.partition;

/**
 * One device after partitioning.
 *
 * @param deviceId index 0..N-1
 * @param drawnMask the MER draw (device mode), or -1 in sample mode
 * @param modalityMask modalities its rows actually have: drawn and present in the source (device mode), or
 *     the union over its rows (sample mode)
 * @param trainRows rows in its train split
 * @param testRows rows in its test split
 */
public record DeviceSummary(int deviceId, int drawnMask, int modalityMask, int trainRows, int testRows) {}
