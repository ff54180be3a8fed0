package io.mlecs.eval.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Computes one metric over aligned predictions and references and fills the output document. */
interface MetricEvaluator {

  /**
   * Scores the examples.
   *
   * @param predictions the prediction texts
   * @param references the reference texts, same count
   * @param args the parsed arguments
   * @param document the output document to fill with {@code examples} and {@code mean}
   * @throws CliException on unusable input (e.g. unparsable labels), naming file and line
   */
  void evaluate(List<String> predictions, List<String> references, MetricsArguments args, ObjectNode document)
      throws CliException;
}
