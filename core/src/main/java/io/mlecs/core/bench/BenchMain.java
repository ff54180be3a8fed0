package io.mlecs.core.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mlecs.core.util.DropLinesStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * Prints one JSON document with the benchmark figures to stdout (progress and SameDiff's own
 * messages go to stderr). Run with OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 for the figures of
 * {@code docs/performance.md}; {@code --quick} is the about-one-minute version.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    // SameDiff prints to stdout ("Added differentiated op ..."): keep stdout for the JSON only
    PrintStream json = System.out;
    System.setOut(DropLinesStream.samediffQuiet(System.err));
    Map<String, Object> doc = new BenchmarkRunner(options).run();
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    json.println(mapper.writeValueAsString(doc));
    json.flush();
  }
}
