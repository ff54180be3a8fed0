package io.mlecs.jobs.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mlecs.core.bench.BenchOptions;
import io.mlecs.core.bench.BenchmarkRunner;
import io.mlecs.core.config.RunConfig;
import io.mlecs.core.data.TaskType;
import io.mlecs.core.synth.SyntheticOptions;
import io.mlecs.jobs.cli.Command;
import io.mlecs.jobs.cli.CommandContext;
import io.mlecs.jobs.cli.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code mlecs bench}: one JSON document with the in-process figures (training throughput and
 * FLOP/s, communication, round time: {@link BenchmarkRunner}) and the Spark figures (overhead of
 * Spark over the in-process transport, scale in N: {@link SparkBench}).
 */
public final class BenchCommand implements Command {
  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "benchmark: training throughput, communication, Spark overhead and scale (JSON)";
  }

  @Override
  public String usage() {
    return "Usage: mlecs bench [--quick] [--no-spark] [--spark-only] [--scale 3,10,100,1000]\n"
        + "                   [--overhead-rounds R] [in-process options]\n\n"
        + "  --quick            about one minute: fewer steps, N up to 100\n"
        + "  --no-spark         only the in-process sections\n"
        + "  --spark-only       only the Spark sections (overhead, scale)\n"
        + "  --spark-sections   which Spark sections: overhead,scale (default both)\n"
        + "  --scale LIST       device counts of the scale section (default 3,10,100,1000)\n"
        + "  --overhead-rounds  rounds timed per transport in the overhead section, after one untimed\n"
        + "                     warm-up round each (default 8: rounds take ~0.5 s at the default\n"
        + "                     sizes, so fewer leave the ratio at the mercy of one slow round)\n"
        + "Other options go to the in-process benchmark (io.mlecs.core.bench.BenchOptions).\n"
        + "Run with OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 (bin/mlecs sets both).\n";
  }

  @Override
  public int run(String[] args, CommandContext ctx) throws Exception {
    boolean quick = false;
    boolean spark = true;
    boolean inProcess = true;
    List<Integer> scale = List.of(3, 10, 100, 1000);
    int overheadRounds = 8;
    List<String> sparkSections = List.of("overhead", "scale");
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> {
          quick = true;
          rest.add(args[i]);
        }
        case "--no-spark" -> spark = false;
        case "--spark-only" -> inProcess = false;
        case "--scale" -> scale = parseList(value(args, ++i, "--scale"));
        case "--spark-sections" -> sparkSections = parseSections(value(args, ++i,
            "--spark-sections"));
        case "--overhead-rounds" -> overheadRounds = Integer.parseInt(value(args, ++i,
            "--overhead-rounds"));
        default -> rest.add(args[i]);
      }
    }
    if (quick && scale.equals(List.of(3, 10, 100, 1000))) {
      scale = List.of(3, 10, 100);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    if (inProcess) {
      doc.put("in_process", new BenchmarkRunner(BenchOptions.parse(rest.toArray(new String[0])))
          .run());
    }
    if (spark) {
      JavaSparkContext sc = JavaSparkContext.fromSparkContext(ctx.spark().sparkContext());
      Path scratch = Files.createTempDirectory("mlecs-bench");
      long seed = 27;
      RunConfig config = RunConfig.defaults(seed, overheadRounds + SparkBench.WARMUP_ROUNDS);
      SyntheticOptions data = SyntheticOptions.small(TaskType.CLASSIFICATION, 3, 0.7, seed);
      if (sparkSections.contains("overhead")) {
        doc.put("spark_overhead", SparkBench.overhead(sc, config, data, scratch));
      }
      if (sparkSections.contains("scale")) {
        doc.put("spark_scale", SparkBench.scale(sc, scale, seed, scratch));
      }
      doc.put("spark_version", sc.version());
    }
    ctx.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(doc));
    return 0;
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new UsageException(name + " needs a value");
    }
    return args[i];
  }

  private static List<String> parseSections(String s) {
    List<String> out = new ArrayList<>();
    for (String p : s.split(",")) {
      String t = p.trim();
      if (!t.equals("overhead") && !t.equals("scale")) {
        throw new UsageException("--spark-sections must be a comma-separated list of overhead, "
            + "scale; got '" + s + "'");
      }
      out.add(t);
    }
    return out;
  }

  private static List<Integer> parseList(String s) {
    List<Integer> out = new ArrayList<>();
    for (String p : s.split(",")) {
      try {
        int n = Integer.parseInt(p.trim());
        if (n <= 0) {
          throw new NumberFormatException();
        }
        out.add(n);
      } catch (NumberFormatException e) {
        throw new UsageException("--scale must be a comma-separated list of positive integers, got '"
            + s + "'");
      }
    }
    return out;
  }
}
