package io.mlecs.eval.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlecs.eval.classification.AveragedScores;
import io.mlecs.eval.classification.ClassScores;
import io.mlecs.eval.classification.ClassificationMetrics;
import io.mlecs.eval.classification.ClassificationReport;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code metrics f1}: integer labels per line. Per example: whether it is correct; mean: accuracy
 * plus macro/weighted/micro precision, recall and F1, per-class scores and the confusion matrix.
 */
final class F1Evaluator implements MetricEvaluator {

  @Override
  public void evaluate(List<String> predictions, List<String> references, MetricsArguments args, ObjectNode document)
      throws CliException {
    int[] yPred = parse(predictions, "--predictions", args.predictions());
    int[] yTrue = parse(references, "--references", args.references());
    ClassificationReport report = ClassificationMetrics.compute(yTrue, yPred, args.labels(), args.zeroDivision());
    ArrayNode examples = document.putArray("examples");
    for (int i = 0; i < yPred.length; i++) {
      ObjectNode example = examples.addObject();
      example.put("line", i + 1);
      example.put("reference", yTrue[i]);
      example.put("prediction", yPred[i]);
      example.put("correct", yTrue[i] == yPred[i] ? 1 : 0);
    }
    ObjectNode mean = document.putObject("mean");
    JsonScores.put(mean, "accuracy", report.accuracy());
    mean.set("macro", averaged(report.macro()));
    mean.set("weighted", averaged(report.weighted()));
    mean.set("micro", averaged(report.micro()));
    ArrayNode perClass = mean.putArray("per_class");
    for (ClassScores c : report.perClass()) {
      ObjectNode node = perClass.addObject();
      node.put("label", c.label());
      JsonScores.put(node, "precision", c.precision());
      JsonScores.put(node, "recall", c.recall());
      JsonScores.put(node, "f1", c.f1());
      node.put("support", c.support());
    }
    ArrayNode matrix = mean.putArray("confusion_matrix");
    for (long[] row : report.confusion().toArray()) {
      ArrayNode r = matrix.addArray();
      for (long v : row) {
        r.add(v);
      }
    }
    ArrayNode labels = document.putArray("labels");
    for (int label : args.labels()) {
      labels.add(label);
    }
  }

  private static ObjectNode averaged(AveragedScores s) {
    ObjectNode node = JsonScores.NODES.objectNode();
    JsonScores.put(node, "precision", s.precision());
    JsonScores.put(node, "recall", s.recall());
    JsonScores.put(node, "f1", s.f1());
    return node;
  }

  private static int[] parse(List<String> texts, String role, Path file) throws CliException {
    int[] out = new int[texts.size()];
    for (int i = 0; i < out.length; i++) {
      String text = texts.get(i).strip();
      try {
        out[i] = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw new CliException(role + " " + file + " line " + (i + 1)
            + ": cannot parse label '" + texts.get(i) + "' as an integer");
      }
    }
    return out;
  }
}
