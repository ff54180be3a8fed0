package io.mlecs.report.data;

/**
 * One row of a run's {@code metrics/rounds.csv}.
 *
 * @param round the round
 * @param seconds its wall-clock duration
 */
public record RoundTime(int round, double seconds) {}
