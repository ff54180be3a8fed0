package io.mlecs.eval.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code metrics rouge|bertscore|f1 --predictions FILE --references FILE [options]}: scores aligned
 * examples and prints one JSON document to standard output. Exit status: 0 on success, 2 on a usage
 * or input error (message on standard error naming the file and line), 1 on an unexpected failure.
 */
public final class MetricsCommand {

  /** Exit status of a usage or input error. */
  public static final int EXIT_USAGE = 2;

  static final String USAGE = String.join("\n",
      "Usage: metrics rouge|bertscore|f1 --predictions FILE --references FILE [options]",
      "",
      "Scores each prediction against the reference on the same line and prints JSON with",
      "per-example scores (\"examples\") and their mean (\"mean\") to standard output.",
      "",
      "Metrics:",
      "  rouge          rouge1, rouge2, rougeL, rougeLsum (rouge-score semantics; in jsonl texts,",
      "                 newlines separate the sentences of rougeLsum)",
      "  bertscore      BERTScore P/R/F with all-MiniLM-L6-v2 (offline; not the roberta-large of",
      "                 published BERTScore, so values are not comparable to papers)",
      "  f1             integer class labels: accuracy, macro/weighted/micro P/R/F1 (sklearn), per-class",
      "                 scores and confusion matrix; per example: correct 0/1",
      "",
      "Options:",
      "  --predictions FILE   predictions (candidates), one example per line; strict UTF-8",
      "  --references FILE    references (targets), same number of examples as --predictions",
      "  --format lines|jsonl lines: the whole line is the example (default); jsonl: one JSON object",
      "                       per line, the example is the value of --field",
      "  --field NAME         jsonl field holding the text or label (default: text)",
      "  --stem               rouge only: stem tokens longer than 3 characters (NLTK Porter)",
      "  --idf                bertscore only: idf weights computed over the references",
      "  --threads N          bertscore only: ONNX Runtime threads (default: all processors)",
      "  --labels L,L,...     f1 only: the label set (default: 0,1,2)",
      "  --zero-division 0|1  f1 only: value of 0/0 precision or recall (default: 0)",
      "  --help               print this help and exit",
      "",
      "Exit status: 0 ok, 2 usage or input error (file and line named on stderr), 1 other failure.");

  private MetricsCommand() {}

  /**
   * Runs the command.
   *
   * @param args the arguments after the word {@code metrics}
   * @param out where the JSON result (or the help) goes
   * @param err where errors go
   * @return the exit status
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      out.println(USAGE);
      return 0;
    }
    try {
      MetricsArguments parsed = MetricsArguments.parse(args);
      List<String> predictions = InputReader.read(parsed.predictions(), "--predictions", parsed.format(), parsed.field());
      List<String> references = InputReader.read(parsed.references(), "--references", parsed.format(), parsed.field());
      if (predictions.size() != references.size()) {
        boolean fewerPredictions = predictions.size() < references.size();
        throw new CliException("line counts differ: --predictions " + parsed.predictions() + " has "
            + predictions.size() + " examples but --references " + parsed.references() + " has "
            + references.size() + "; line " + (Math.min(predictions.size(), references.size()) + 1) + " of "
            + (fewerPredictions ? parsed.references() : parsed.predictions()) + " has no counterpart");
      }
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode document = mapper.createObjectNode();
      document.put("metric", parsed.metric().name().toLowerCase(Locale.ROOT));
      document.put("predictions", parsed.predictions().toString());
      document.put("references", parsed.references().toString());
      document.put("count", predictions.size());
      ObjectNode options = document.putObject("options");
      options.put("format", parsed.format().name().toLowerCase(Locale.ROOT));
      options.put("stem", parsed.stem());
      options.put("idf", parsed.idf());
      evaluator(parsed.metric()).evaluate(predictions, references, parsed, document);
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document));
      return 0;
    } catch (CliException e) {
      err.println("metrics: error: " + e.getMessage());
      return EXIT_USAGE;
    } catch (JsonProcessingException | RuntimeException e) {
      err.println("metrics: failed: " + e);
      return 1;
    }
  }

  private static MetricEvaluator evaluator(Metric metric) {
    return switch (metric) {
      case ROUGE -> new RougeEvaluator();
      case BERTSCORE -> new BertScoreEvaluator();
      case F1 -> new F1Evaluator();
    };
  }

  /**
   * Command-line entry point.
   *
   * @param args the arguments after the word {@code metrics}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }
}
