import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A/B timing of two builds of the core module in ONE JVM and ONE thread: each build's classes
 * directory gets its own class loader (ND4J and the other dependencies are shared from the
 * application class path), and blocks of training steps alternate between the two, so that load
 * from other processes hits both alike. Per step: wall and thread CPU time. Prints JSON.
 *
 * <pre>
 * OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 java -cp "$(cat cp.txt)" bench/AbCompare.java \
 *     --a /tmp/base-classes --b core/target/classes [--stage amt|ccl] [--warmup 60]
 *     [--blocks 30] [--block-steps 5] [--batch 16] [--seed 42]
 * </pre>
 * Both directories must contain io.mlecs.core.bench.TrainingStepper.
 */
public final class AbCompare {
  public static void main(String[] args) throws Exception {
    String a = null;
    String b = null;
    String stage = "amt";
    int warmup = 60;
    int blocks = 30;
    int blockSteps = 5;
    int batch = 16;
    long seed = 42;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--a" -> a = args[++i];
        case "--b" -> b = args[++i];
        case "--stage" -> stage = args[++i];
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--blocks" -> blocks = Integer.parseInt(args[++i]);
        case "--block-steps" -> blockSteps = Integer.parseInt(args[++i]);
        case "--batch" -> batch = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (a == null || b == null) {
      throw new IllegalArgumentException("--a DIR and --b DIR are required");
    }
    // SameDiff prints "Added differentiated op" to stdout: keep stdout for the JSON
    java.io.PrintStream json = System.out;
    System.setOut(System.err);
    String[] dirs = {a, b};
    Runnable[] steppers = new Runnable[2];
    for (int v = 0; v < 2; v++) {
      URLClassLoader loader = new URLClassLoader(new URL[] {new File(dirs[v]).toURI().toURL()},
          AbCompare.class.getClassLoader());
      Class<?> c = loader.loadClass("io.mlecs.core.bench.TrainingStepper");
      steppers[v] = (Runnable) c.getConstructor(String.class, int.class, long.class)
          .newInstance(stage, batch, seed);
    }
    for (int i = 0; i < warmup; i++) {
      steppers[0].run();
      steppers[1].run();
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<List<Double>> wall = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<Double>> cpu = List.of(new ArrayList<>(), new ArrayList<>());
    List<Double> blockRatios = new ArrayList<>();
    for (int k = 0; k < blocks; k++) {
      double[] blockCpu = new double[2];
      for (int j = 0; j < 2; j++) {
        int v = (k % 2 == 0) ? j : 1 - j;
        for (int s = 0; s < blockSteps; s++) {
          long c0 = threads.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          steppers[v].run();
          double w = (System.nanoTime() - t0) / 1e6;
          double c = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
          wall.get(v).add(w);
          cpu.get(v).add(c);
          blockCpu[v] += c;
        }
      }
      blockRatios.add(blockCpu[1] / blockCpu[0]);
    }
    StringBuilder out = new StringBuilder("{\n");
    out.append("  \"stage\": \"").append(stage).append("\",\n");
    out.append("  \"a\": \"").append(a).append("\",\n  \"b\": \"").append(b).append("\",\n");
    out.append("  \"warmup_steps_each\": ").append(warmup).append(",\n");
    out.append("  \"timed_steps_each\": ").append(blocks * blockSteps).append(",\n");
    out.append("  \"load_average_end\": \"").append(load()).append("\",\n");
    for (int v = 0; v < 2; v++) {
      String n = v == 0 ? "a" : "b";
      out.append("  \"").append(n).append("_wall_ms_median\": ").append(r(median(wall.get(v))))
          .append(",\n");
      out.append("  \"").append(n).append("_thread_cpu_ms_median\": ")
          .append(r(median(cpu.get(v)))).append(",\n");
      out.append("  \"").append(n).append("_thread_cpu_ms_p10\": ")
          .append(r(quantile(cpu.get(v), 0.1))).append(",\n");
    }
    out.append("  \"b_over_a_thread_cpu_median_of_block_ratios\": ").append(r(median(blockRatios)))
        .append("\n}");
    json.println(out);
  }

  static String load() {
    try {
      return String.join(" ", Arrays.copyOf(new String(java.nio.file.Files.readAllBytes(
          java.nio.file.Path.of("/proc/loadavg"))).trim().split("\\s+"), 3));
    } catch (Exception e) {
      return "unknown";
    }
  }

  static double median(List<Double> xs) {
    return quantile(xs, 0.5);
  }

  static double quantile(List<Double> xs, double q) {
    double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return s[lo] + (s[hi] - s[lo]) * (pos - lo);
  }

  static double r(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
