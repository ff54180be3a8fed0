package io.mlecs.eval.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlecs.eval.PrfScore;
import io.mlecs.eval.bertscore.BertScoreOptions;
import io.mlecs.eval.bertscore.BertScorer;
import io.mlecs.eval.bertscore.EncoderConfig;
import io.mlecs.eval.bertscore.MiniLmEncoder;
import java.util.List;

/** {@code metrics bertscore}: BERTScore P/R/F with all-MiniLM-L6-v2 per example and their means. */
final class BertScoreEvaluator implements MetricEvaluator {

  @Override
  public void evaluate(List<String> predictions, List<String> references, MetricsArguments args, ObjectNode document) {
    try (MiniLmEncoder encoder = new MiniLmEncoder(EncoderConfig.defaults().withThreads(args.threads()))) {
      List<PrfScore> scores = new BertScorer(encoder, new BertScoreOptions(args.idf(), null))
          .score(predictions, references);
      document.put("model", encoder.describe());
      document.put("note", "all-MiniLM-L6-v2, not the roberta-large of published BERTScore: not comparable to papers");
      ArrayNode examples = document.putArray("examples");
      for (int i = 0; i < scores.size(); i++) {
        ObjectNode example = examples.addObject();
        example.put("line", i + 1);
        example.setAll(JsonScores.prf(scores.get(i)));
      }
      document.set("mean", JsonScores.prf(JsonScores.mean(scores, s -> s)));
    }
  }
}
