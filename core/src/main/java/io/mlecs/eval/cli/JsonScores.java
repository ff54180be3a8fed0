package io.mlecs.eval.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlecs.eval.PrfScore;
import java.util.List;
import java.util.function.Function;

/** JSON helpers shared by the metric evaluators. Non-finite numbers are written as {@code null}. */
final class JsonScores {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonScores() {}

  static void put(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(name, value);
    } else {
      node.putNull(name);
    }
  }

  static ObjectNode prf(PrfScore s) {
    ObjectNode node = NODES.objectNode();
    put(node, "precision", s.precision());
    put(node, "recall", s.recall());
    put(node, "fmeasure", s.fmeasure());
    return node;
  }

  /** The component-wise mean of the scores a function extracts from each example. */
  static <T> PrfScore mean(List<T> items, Function<T, PrfScore> score) {
    double p = 0;
    double r = 0;
    double f = 0;
    for (T item : items) {
      PrfScore s = score.apply(item);
      p += s.precision();
      r += s.recall();
      f += s.fmeasure();
    }
    int n = items.size();
    return new PrfScore(p / n, r / n, f / n);
  }
}
