package io.mlecs.eval.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlecs.eval.PrfScore;
import io.mlecs.eval.rouge.RougeScorer;
import io.mlecs.eval.rouge.RougeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code metrics rouge}: rouge1, rouge2, rougeL and rougeLsum per example and their means. */
final class RougeEvaluator implements MetricEvaluator {

  @Override
  public void evaluate(List<String> predictions, List<String> references, MetricsArguments args, ObjectNode document) {
    RougeScorer scorer = RougeScorer.allTypes(args.stem());
    List<Map<RougeType, PrfScore>> all = new ArrayList<>(predictions.size());
    ArrayNode examples = document.putArray("examples");
    for (int i = 0; i < predictions.size(); i++) {
      Map<RougeType, PrfScore> scores = scorer.score(references.get(i), predictions.get(i));
      all.add(scores);
      ObjectNode example = examples.addObject();
      example.put("line", i + 1);
      scores.forEach((type, s) -> example.set(type.key(), JsonScores.prf(s)));
    }
    ObjectNode mean = document.putObject("mean");
    for (RougeType type : RougeType.values()) {
      mean.set(type.key(), JsonScores.prf(JsonScores.mean(all, m -> m.get(type))));
    }
  }
}
