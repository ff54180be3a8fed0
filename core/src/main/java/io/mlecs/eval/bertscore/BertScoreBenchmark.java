package io.mlecs.eval.bertscore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlecs.eval.PrfScore;
import java.io.PrintStream;
import java.util.List;

/**
 * Command-line benchmark (not a unit test): scores generated caption pairs with the MiniLM BERTScore
 * and prints one JSON object with the configuration, seed, thread count, wall time and pairs/s.
 *
 * <p>Usage: {@code BertScoreBenchmark [--pairs N] [--seed S] [--threads T] [--batch B] [--idf]}
 * (defaults: 1000 pairs, seed 42, all processors, batch 32, no idf). Model loading is timed
 * separately from scoring.
 */
public final class BertScoreBenchmark {

  private BertScoreBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args the options above
   * @throws Exception when the model cannot be run
   */
  public static void main(String[] args) throws Exception {
    int pairs = 1000;
    long seed = 42;
    EncoderConfig config = EncoderConfig.defaults();
    boolean idf = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--pairs" -> pairs = Integer.parseInt(value(args, ++i));
        case "--seed" -> seed = Long.parseLong(value(args, ++i));
        case "--threads" -> config = config.withThreads(Integer.parseInt(value(args, ++i)));
        case "--batch" -> config = config.withBatchSize(Integer.parseInt(value(args, ++i)));
        case "--idf" -> idf = true;
        default -> throw new IllegalArgumentException("argument: unknown option '" + args[i] + "'");
      }
    }
    List<List<String>> data = SyntheticCaptions.generate(pairs, seed);
    long loadStart = System.nanoTime();
    try (MiniLmEncoder encoder = new MiniLmEncoder(config)) {
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      BertScorer scorer = new BertScorer(encoder, new BertScoreOptions(idf, null));
      long start = System.nanoTime();
      List<PrfScore> scores = scorer.score(data.get(1), data.get(0));
      double wall = (System.nanoTime() - start) / 1e9;
      double meanF = scores.stream().mapToDouble(PrfScore::fmeasure).average().orElse(0);
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode json = mapper.createObjectNode();
      json.put("benchmark", "bertscore");
      json.put("model", encoder.describe());
      json.put("pairs", pairs);
      json.put("seed", seed);
      json.put("threads", config.intraOpThreads());
      json.put("batch_size", config.batchSize());
      json.put("max_length", config.maxLength());
      json.put("idf", idf);
      json.put("available_processors", Runtime.getRuntime().availableProcessors());
      json.put("model_load_seconds", round(loadSeconds));
      json.put("wall_seconds", round(wall));
      json.put("pairs_per_second", round(pairs / wall));
      json.put("mean_f1", round(meanF));
      PrintStream out = System.out;
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException("argument: option '" + args[i - 1] + "' needs a value");
    }
    return args[i];
  }

  private static double round(double x) {
    return Math.round(x * 1e4) / 1e4;
  }
}
