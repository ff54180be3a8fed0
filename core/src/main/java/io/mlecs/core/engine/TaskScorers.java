package io.mlecs.core.engine;

import io.mlecs.core.config.TrainConfig;
import io.mlecs.core.data.DatasetSpec;
import io.mlecs.core.data.TaskType;
import io.mlecs.eval.classification.ClassificationMetrics;
import io.mlecs.eval.classification.ClassificationReport;
import io.mlecs.eval.rouge.RougeScorer;
import io.mlecs.eval.rouge.RougeType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metrics the paper reports per task: ROUGE-Lsum (rouge-score semantics, no stemming) for
 * captioning; macro and weighted F1 over the fixed classes for classification, where an answer
 * that does not parse as a class label counts as wrong (label -1, never a class).
 */
public final class TaskScorers {
  /** Metric name of the mean BERTScore F1. */
  public static final String BERTSCORE_F1 = "bertscore_f1";

  private TaskScorers() {}

  public static TaskScorer forDataset(DatasetSpec spec) {
    return spec.task() == TaskType.CAPTIONING ? rougeLsum() : f1(spec.numClasses());
  }

  /**
   * The metrics of a run: {@link #forDataset}, plus BERTScore F1 ({@code bertscore_f1}) for
   * captioning when {@code train.evalBertScore()} asks for it.
   */
  public static TaskScorer forRun(DatasetSpec spec, TrainConfig train) {
    TaskScorer base = forDataset(spec);
    if (spec.task() != TaskType.CAPTIONING || !train.evalBertScore()) {
      return base;
    }
    return (pred, ref) -> {
      Map<String, Double> out = new java.util.TreeMap<>(base.score(pred, ref));
      out.put(BERTSCORE_F1, RoundBertScore.meanF1(pred, ref));
      return out;
    };
  }

  public static TaskScorer rougeLsum() {
    RougeScorer rouge = new RougeScorer(Set.of(RougeType.ROUGE_LSUM), false);
    return (pred, ref) -> {
      double sum = 0;
      for (int i = 0; i < pred.size(); i++) {
        sum += rouge.score(RougeType.ROUGE_LSUM, ref.get(i), pred.get(i)).fmeasure();
      }
      return Map.of("rougeLsum", pred.isEmpty() ? Double.NaN : sum / pred.size());
    };
  }

  public static TaskScorer f1(int numClasses) {
    int[] labels = new int[numClasses];
    for (int i = 0; i < numClasses; i++) {
      labels[i] = i;
    }
    return (pred, ref) -> {
      int[] yTrue = new int[ref.size()];
      int[] yPred = new int[pred.size()];
      for (int i = 0; i < ref.size(); i++) {
        yTrue[i] = Integer.parseInt(ref.get(i).trim());
        yPred[i] = parseLabel(pred.get(i), numClasses);
      }
      ClassificationReport r = ClassificationMetrics.compute(yTrue, yPred, labels, 0.0);
      return Map.of("f1_macro", r.macroF1(), "f1_weighted", r.weightedF1(),
          "accuracy", r.accuracy());
    };
  }

  /** The class of a generated answer, or -1 when it is not exactly one known label token. */
  static int parseLabel(String answer, int numClasses) {
    List<String> words = io.mlecs.core.data.WordTokenizer.words(answer);
    if (words.size() != 1) {
      return -1;
    }
    try {
      int v = Integer.parseInt(words.get(0));
      return v >= 0 && v < numClasses ? v : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
