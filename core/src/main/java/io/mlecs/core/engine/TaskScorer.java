package io.mlecs.core.engine;

import java.util.List;
import java.util.Map;

/** Scores generated texts against references: metric name to value. */
@FunctionalInterface
public interface TaskScorer {
  Map<String, Double> score(List<String> predictions, List<String> references);
}
