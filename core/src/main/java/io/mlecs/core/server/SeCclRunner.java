package io.mlecs.core.server;

import io.mlecs.core.data.Sample;
import java.util.List;
import java.util.Map;

/**
 * Where SE-CCL runs. In-process by default ({@link #inProcess}); the Spark jobs can run it as a
 * one-task stage on a GPU executor instead. Implementations update {@code state} in place and
 * return the server's training metrics; they must compute exactly what
 * {@link ServerStep#seCcl(ServerState, List, int, boolean)} computes.
 */
@FunctionalInterface
public interface SeCclRunner {
  Map<String, Double> run(ServerState state, List<Sample> publicTrain, int round,
      boolean contrastive);

  static SeCclRunner inProcess(ServerStep step) {
    return step::seCcl;
  }
}
