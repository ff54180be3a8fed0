package io.mlecs.core.engine;

/** Receives every round's report as soon as the round completes. */
@FunctionalInterface
public interface RoundListener {
  void onRound(RoundReport report);
}
