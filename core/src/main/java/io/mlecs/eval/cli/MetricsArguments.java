package io.mlecs.eval.cli;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Parsed arguments of {@code metrics}.
 *
 * @param metric the metric
 * @param predictions the predictions (candidates) file
 * @param references the references (targets) file
 * @param stem ROUGE: stem with the NLTK Porter stemmer
 * @param idf BERTScore: idf weighting over the references
 * @param format the input layout
 * @param field the JSONL field holding the text or label
 * @param labels F1: the label set
 * @param zeroDivision F1: the value of 0/0 ratios
 * @param threads BERTScore: ONNX Runtime threads
 */
public record MetricsArguments(
    Metric metric,
    Path predictions,
    Path references,
    boolean stem,
    boolean idf,
    InputFormat format,
    String field,
    int[] labels,
    double zeroDivision,
    int threads) {

  /** The default JSONL field. */
  public static final String DEFAULT_FIELD = "text";

  /**
   * Parses the arguments that follow the word {@code metrics}.
   *
   * @param args e.g. {@code rouge --predictions p.txt --references r.txt --stem}
   * @return the arguments
   * @throws CliException naming the bad option or value
   */
  static MetricsArguments parse(String[] args) throws CliException {
    if (args.length == 0) {
      throw new CliException("missing metric (expected rouge, bertscore or f1); see --help");
    }
    Metric metric = Metric.parse(args[0]);
    Path predictions = null;
    Path references = null;
    boolean stem = false;
    boolean idf = false;
    InputFormat format = InputFormat.LINES;
    String field = null;
    int[] labels = {0, 1, 2};
    double zeroDivision = 0.0;
    int threads = Runtime.getRuntime().availableProcessors();
    for (int i = 1; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--predictions" -> predictions = Path.of(value(args, ++i, option));
        case "--references" -> references = Path.of(value(args, ++i, option));
        case "--stem" -> stem = true;
        case "--idf" -> idf = true;
        case "--format" -> format = InputFormat.parse(value(args, ++i, option));
        case "--field" -> field = value(args, ++i, option);
        case "--labels" -> labels = parseLabels(value(args, ++i, option));
        case "--zero-division" -> zeroDivision = parseZeroDivision(value(args, ++i, option));
        case "--threads" -> threads = parsePositive(value(args, ++i, option), option);
        default -> throw new CliException("unknown option '" + option + "'; see --help");
      }
    }
    if (predictions == null) {
      throw new CliException("--predictions FILE is required");
    }
    if (references == null) {
      throw new CliException("--references FILE is required");
    }
    if (stem && metric != Metric.ROUGE) {
      throw new CliException("--stem applies to rouge only, not " + args[0]);
    }
    if (idf && metric != Metric.BERTSCORE) {
      throw new CliException("--idf applies to bertscore only, not " + args[0]);
    }
    if (field != null && format != InputFormat.JSONL) {
      throw new CliException("--field needs --format jsonl");
    }
    return new MetricsArguments(metric, predictions, references, stem, idf, format,
        field == null ? DEFAULT_FIELD : field, labels, zeroDivision, threads);
  }

  private static String value(String[] args, int i, String option) throws CliException {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new CliException(option + " needs a value");
    }
    return args[i];
  }

  private static int[] parseLabels(String text) throws CliException {
    try {
      int[] labels = Arrays.stream(text.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
      if (labels.length == 0 || Arrays.stream(labels).distinct().count() != labels.length) {
        throw new CliException("--labels: expected distinct comma-separated integers, got '" + text + "'");
      }
      return labels;
    } catch (NumberFormatException e) {
      throw new CliException("--labels: expected comma-separated integers, got '" + text + "'");
    }
  }

  private static double parseZeroDivision(String text) throws CliException {
    return switch (text) {
      case "0" -> 0.0;
      case "1" -> 1.0;
      default -> throw new CliException("--zero-division: expected 0 or 1, got '" + text + "'");
    };
  }

  private static int parsePositive(String text, String option) throws CliException {
    try {
      int v = Integer.parseInt(text);
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CliException(option + ": expected a positive integer, got '" + text + "'");
  }
}
