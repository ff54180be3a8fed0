package io.mlecs.core.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of {@link BenchMain}.
 *
 * @param quick the about-one-minute version (fewer steps, two rounds, N = 3 only)
 * @param raw include every per-step timing in the output
 * @param seed seed of data, parameters and dropout
 * @param warmup untimed training steps before timing
 * @param steps timed training steps per stage (also per phase breakdown)
 * @param batch minibatch size of the device-throughput section
 * @param threads if > 0: ND4J and BLAS thread limits set to this; otherwise left as the
 *     environment (OMP_NUM_THREADS) set them
 * @param sections which sections to run: train, ops (per-op time profile of the training steps),
 *     comm, rounds
 * @param roundDevices N values of the round section
 * @param rounds rounds per N in the round section
 * @param gemmSize n of the n x n x n SGEMM that estimates peak FLOP/s
 */
public record BenchOptions(boolean quick, boolean raw, long seed, int warmup, int steps, int batch, int threads,
    Set<String> sections, List<Integer> roundDevices, int rounds, int gemmSize) {

  static final Set<String> ALL_SECTIONS = Set.of("train", "ops", "comm", "rounds");

  public static BenchOptions parse(String... args) {
    boolean quick = false;
    boolean raw = false;
    for (String a : args) {
      if (a.equals("--quick")) {
        quick = true;
      }
    }
    long seed = 42;
    int warmup = quick ? 20 : 50;
    int steps = quick ? 60 : 120;
    int batch = 16;
    int threads = 0;
    Set<String> sections = new LinkedHashSet<>(List.of("train", "ops", "comm", "rounds"));
    List<Integer> devices = quick ? List.of(3) : List.of(3, 10);
    int rounds = quick ? 2 : 3;
    int gemm = quick ? 512 : 1024;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--quick" -> { }
        case "--raw" -> raw = true;
        case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
        case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, a));
        case "--steps" -> steps = Integer.parseInt(value(args, ++i, a));
        case "--batch" -> batch = Integer.parseInt(value(args, ++i, a));
        case "--threads" -> threads = Integer.parseInt(value(args, ++i, a));
        case "--rounds" -> rounds = Integer.parseInt(value(args, ++i, a));
        case "--gemm" -> gemm = Integer.parseInt(value(args, ++i, a));
        case "--devices" -> {
          devices = new ArrayList<>();
          for (String n : value(args, ++i, a).split(",")) {
            devices.add(Integer.parseInt(n.trim()));
          }
        }
        case "--sections" -> {
          sections = new LinkedHashSet<>();
          for (String n : value(args, ++i, a).split(",")) {
            if (!ALL_SECTIONS.contains(n.trim())) {
              throw new IllegalArgumentException("unknown section '" + n + "'; known: "
                  + ALL_SECTIONS);
            }
            sections.add(n.trim());
          }
        }
        case "--help", "-h" -> throw new IllegalArgumentException(usage());
        default -> throw new IllegalArgumentException("unknown option '" + a + "'\n" + usage());
      }
    }
    if (steps < 1 || warmup < 0 || batch < 2 || rounds < 1 || gemm < 16) {
      throw new IllegalArgumentException("need steps >= 1, warmup >= 0, batch >= 2, rounds >= 1,"
          + " gemm >= 16\n" + usage());
    }
    return new BenchOptions(quick, raw, seed, warmup, steps, batch, threads, sections,
        List.copyOf(devices), rounds, gemm);
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value\n" + usage());
    }
    return args[i];
  }

  static String usage() {
    return "usage: BenchMain [--quick] [--raw] [--seed S] [--warmup W] [--steps N] [--batch B]"
        + " [--threads T] [--sections train,ops,comm,rounds] [--devices 3,10] [--rounds R]"
        + " [--gemm n]";
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("quick", quick);
    m.put("raw", raw);
    m.put("warmup_steps", warmup);
    m.put("timed_steps", steps);
    m.put("batch", batch);
    m.put("threads_option", threads);
    m.put("sections", List.copyOf(sections));
    m.put("round_devices", roundDevices);
    m.put("rounds_per_n", rounds);
    m.put("peak_sgemm_n", gemmSize);
    return m;
  }
}
