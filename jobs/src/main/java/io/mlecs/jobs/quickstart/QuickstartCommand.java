package io.mlecs.jobs.quickstart;

import io.mlecs.core.config.RunConfig;
import io.mlecs.core.data.FederatedData;
import io.mlecs.core.data.TaskType;
import io.mlecs.core.engine.DeviceTrainer;
import io.mlecs.core.engine.InMemoryDeviceStateStore;
import io.mlecs.core.engine.LocalTransport;
import io.mlecs.core.engine.Method;
import io.mlecs.core.engine.RoundEngine;
import io.mlecs.core.engine.TaskScorer;
import io.mlecs.core.engine.TaskScorers;
import io.mlecs.core.run.RunDirectoryWriter;
import io.mlecs.core.synth.SyntheticFederatedData;
import io.mlecs.core.synth.SyntheticOptions;
import io.mlecs.core.train.ModelContext;
import io.mlecs.core.train.ModelContexts;
import io.mlecs.jobs.cli.Command;
import io.mlecs.jobs.cli.CommandContext;
import io.mlecs.jobs.cli.UsageException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code mlecs quickstart}: generates seeded synthetic multimodal federated data, trains ML-ECS
 * for a few rounds with the in-process round engine and prints a per-round table; the run
 * directory it writes is what {@code mlecs report} renders.
 */
public final class QuickstartCommand implements Command {
  @Override
  public String name() {
    return "quickstart";
  }

  @Override
  public String summary() {
    return "generate synthetic data and train ML-ECS for a few rounds (in-process round engine)";
  }

  @Override
  public String usage() {
    return "Usage: mlecs quickstart [--task classification|captioning] [--devices N] "
        + "[--mer RATE] [--rounds T] [--seed S] [--method NAME] [--out DIR]\n\n"
        + "  --task     classification (UR-FALL-like, F1) or captioning (VAST-like, ROUGE-Lsum);"
        + " default classification\n"
        + "  --devices  number of edge devices N (default 3)\n"
        + "  --mer      modality existing rate, drawn per device (default 0.7)\n"
        + "  --rounds   communication rounds T (default 3)\n"
        + "  --seed     master seed (default 27)\n"
        + "  --method   " + String.join(" | ", Method.names()) + " (default ml-ecs)\n"
        + "  --out      run directory (default runs/quickstart-<task>-<seed>)\n";
  }

  @Override
  public int run(String[] args, CommandContext ctx) {
    Map<String, String> opt = new LinkedHashMap<>(Map.of("task", "classification", "devices", "3",
        "mer", "0.7", "rounds", "3", "seed", "27", "method", "ml-ecs"));
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || i + 1 >= args.length) {
        throw new UsageException("quickstart: expected --option VALUE, got '" + a + "'");
      }
      String key = a.substring(2);
      if (!opt.containsKey(key) && !key.equals("out")) {
        throw new UsageException("quickstart: unknown option '" + a + "'");
      }
      opt.put(key, args[++i]);
    }
    TaskType task = switch (opt.get("task")) {
      case "classification" -> TaskType.CLASSIFICATION;
      case "captioning" -> TaskType.CAPTIONING;
      default -> throw new UsageException("quickstart: --task must be classification or "
          + "captioning, got '" + opt.get("task") + "'");
    };
    long seed = parseLong(opt, "seed");
    int devices = (int) parseLong(opt, "devices");
    double mer = Double.parseDouble(opt.get("mer"));
    Method method = Method.byName(opt.get("method"));
    RunConfig config = RunConfig.defaults(seed, (int) parseLong(opt, "rounds"))
        .withMethod(method.name());
    FederatedData data = SyntheticFederatedData.generate(
        SyntheticOptions.small(task, devices, mer, seed));
    Path out = Paths.get(opt.getOrDefault("out", "runs/quickstart-" + opt.get("task") + "-"
        + seed));
    ctx.out().printf(Locale.ROOT, "quickstart: %s, N=%d, MER=%.2f, seed=%d, %d rounds -> %s%n",
        task, devices, mer, seed, config.rounds(), out);
    ModelContext mc = ModelContexts.create(config, data);
    TaskScorer scorer = TaskScorers.forDataset(data.spec());
    RoundEngine engine = new RoundEngine(mc, method, data, scorer);
    RunDirectoryWriter writer = new RunDirectoryWriter(out, RunManifests.of(mc, data, method));
    String metric = task == TaskType.CLASSIFICATION ? "f1_macro" : "rougeLsum";
    ctx.out().printf(Locale.ROOT, "%5s %10s %12s %12s %12s %10s %8s%n", "round", "test_loss",
        metric + "_avg", metric + "_min", "server", "bytes_up", "seconds");
    try (LocalTransport t = new LocalTransport(data, new DeviceTrainer(mc, method, scorer),
        method, new InMemoryDeviceStateStore())) {
      engine.run(t, r -> {
        writer.onRound(r);
        double min = r.devices().stream().mapToDouble(d -> d.values().getOrDefault(metric,
            Double.NaN)).min().orElse(Double.NaN);
        ctx.out().printf(Locale.ROOT, "%5d %10.4f %12.4f %12.4f %12.4f %10d %8.1f%n", r.round(),
            r.deviceMean("test_loss"), r.deviceMean(metric), min,
            r.server().getOrDefault(metric, Double.NaN),
            r.bytesUp().values().stream().mapToLong(Long::longValue).sum(), r.seconds());
      });
    }
    ctx.out().println("run directory: " + out + "  (render it with: bin/mlecs report " + out
        + ")");
    return 0;
  }

  private static long parseLong(Map<String, String> opt, String key) {
    try {
      return Long.parseLong(opt.get(key));
    } catch (NumberFormatException e) {
      throw new UsageException("quickstart: --" + key + " must be an integer, got '"
          + opt.get(key) + "'");
    }
  }
}
