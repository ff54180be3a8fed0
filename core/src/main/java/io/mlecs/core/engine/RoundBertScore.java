package io.mlecs.core.engine;

import io.mlecs.eval.PrfScore;
import io.mlecs.eval.bertscore.BertScoreOptions;
import io.mlecs.eval.bertscore.BertScorer;
import io.mlecs.eval.bertscore.EncoderConfig;
import io.mlecs.eval.bertscore.MiniLmEncoder;
import java.util.List;

/**
 * BERTScore for the per-round evaluation: one all-MiniLM-L6-v2 encoder per JVM (the ONNX session
 * takes about a second to create and ~90 MB), one intra-op thread (a Spark task owns one core),
 * calls serialised (concurrent tasks of one executor share it). Uniform token weights, no
 * baseline rescaling: the mean F1 over the pairs.
 */
final class RoundBertScore {
  private static BertScorer scorer;

  private RoundBertScore() {}

  /** Mean BERTScore F1 of the pairs (NaN when there are none). */
  static synchronized double meanF1(List<String> predictions, List<String> references) {
    if (predictions.isEmpty()) {
      return Double.NaN;
    }
    if (scorer == null) {
      scorer = new BertScorer(new MiniLmEncoder(EncoderConfig.defaults().withThreads(1)),
          BertScoreOptions.DEFAULTS);
    }
    double sum = 0;
    for (PrfScore s : scorer.score(predictions, references)) {
      sum += s.fmeasure();
    }
    return sum / predictions.size();
  }
}
