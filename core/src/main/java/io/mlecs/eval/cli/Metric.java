package io.mlecs.eval.cli;

/** The metrics the command can compute. */
public enum Metric {
  /** ROUGE-1/2/L/Lsum. */
  ROUGE,
  /** BERTScore with all-MiniLM-L6-v2. */
  BERTSCORE,
  /** Classification precision/recall/F1 over integer labels. */
  F1;

  /**
   * Parses the metric word.
   *
   * @param word {@code rouge}, {@code bertscore} or {@code f1}
   * @return the metric
   * @throws CliException for an unknown word
   */
  static Metric parse(String word) throws CliException {
    return switch (word) {
      case "rouge" -> ROUGE;
      case "bertscore" -> BERTSCORE;
      case "f1" -> F1;
      default -> throw new CliException("unknown metric '" + word + "' (expected rouge, bertscore or f1)");
    };
  }
}
