package io.mlecs.jobs.train;

import io.mlecs.core.config.RunConfig;
import io.mlecs.core.engine.DeviceTrainer;
import io.mlecs.core.engine.LocalTransport;
import io.mlecs.core.engine.Method;
import io.mlecs.core.engine.RoundEngine;
import io.mlecs.core.engine.RoundReport;
import io.mlecs.core.engine.RoundTransport;
import io.mlecs.core.engine.SinkDeviceStateStore;
import io.mlecs.core.engine.TaskScorer;
import io.mlecs.core.engine.TaskScorers;
import io.mlecs.core.io.TensorCodec;
import io.mlecs.core.run.RunCheckpoint;
import io.mlecs.core.run.RunDirectoryWriter;
import io.mlecs.core.train.ModelContext;
import io.mlecs.jobs.io.HadoopFileSink;
import io.mlecs.jobs.transport.ContextBlob;
import io.mlecs.jobs.transport.GpuServerStage;
import io.mlecs.jobs.transport.SparkTransport;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * One training run end to end: settings checked, data loaded, backbones pretrained (or reloaded),
 * the round engine driven through the chosen transport, and after every round the metrics,
 * a checkpoint and a console progress line. {@code resume} continues from the last checkpoint
 * and ends with exactly the adapters an uninterrupted run produces.
 */
public final class TrainRun {
  /** Testing aid: abort (throw) right after this round's checkpoint. */
  public static final String ABORT_AFTER_ROUND = "spark.mlecs.fault.abortAfterRound";

  private TrainRun() {}

  public static RoundEngine execute(TrainSettings s, SparkSession spark, PrintStream out,
      boolean resume) {
    HadoopFileSink sink = new HadoopFileSink(s.runDir());
    RunCheckpoint checkpoints = new RunCheckpoint(sink);
    var existing = checkpoints.latest();
    if (!resume && (existing.isPresent() || sink.read("run.conf").isPresent())) {
      throw new IllegalArgumentException(s.source() + ": run.dir " + s.runDir()
          + " already holds a run; resume it with 'mlecs train --resume " + s.runDir()
          + "' or choose another run.dir");
    }
    RunConfig config = s.runConfig();
    Method method = s.method();
    String master = spark.sparkContext().master();
    if (s.string("server.placement").equals("gpu-stage") && master.startsWith("local")) {
      throw new IllegalArgumentException(s.source() + ": server.placement = gpu-stage needs a "
          + "cluster manager with GPU resources (YARN, Kubernetes or standalone); master is "
          + master);
    }
    RunData data = RunData.load(s, spark);
    if (!resume) {
      sink.write("run.conf", s.render().getBytes(StandardCharsets.UTF_8));
    }
    ModelContext ctx = RunModelStore.loadOrCreate(sink, config, data.driver().spec(),
        data.driver());
    TaskScorer scorer = TaskScorers.forRun(ctx.dataset(), ctx.config().train());
    RoundEngine engine = new RoundEngine(ctx, method, data.driver(), scorer);
    GpuServerStage gpuStage = null;
    if (s.string("server.placement").equals("gpu-stage")) {
      gpuStage = new GpuServerStage(JavaSparkContext.fromSparkContext(spark.sparkContext()),
          new ContextBlob(sink.root() + "#server", ctx), data.driver().publicTrain(),
          s.number("server.gpu-amount"));
      engine.withSeCclRunner(gpuStage);
    }
    int completed = 0;
    if (resume && existing.isPresent()) {
      engine.restore(existing.get().server(), existing.get().globalLora(),
          existing.get().round());
      completed = existing.get().round();
      out.printf(Locale.ROOT, "resuming %s after round %d of %d%n", s.runDir(), completed,
          config.rounds());
    }
    RunDirectoryWriter writer = new RunDirectoryWriter(sink,
        RunManifest.of(s, ctx, data, spark.version()), completed);
    SinkDeviceStateStore states = new SinkDeviceStateStore(sink);
    int keep = s.integer("run.keep-device-states");
    int abortAfter = Integer.parseInt(spark.sparkContext().getConf().get(ABORT_AFTER_ROUND, "0"));
    ProgressLine progress = new ProgressLine(out, ctx.dataset());
    try (RoundTransport transport = transport(s, spark, ctx, data, method, sink, scorer)) {
      engine.run(transport, (RoundReport r) -> {
        writer.onRound(r);
        // the whole global model: Multi-FedAvg's also holds encoders and connector
        checkpoints.save(r.round(), engine.serverState(), engine.globalModel());
        if (r.round() > keep) {
          states.prune(r.round() - keep);
        }
        progress.print(r);
        if (r.round() == abortAfter) {
          throw new IllegalStateException("injected abort after round " + r.round() + " ("
              + ABORT_AFTER_ROUND + ")");
        }
      });
    }
    if (gpuStage != null) {
      gpuStage.close();
    }
    sink.write("final/global-lora.tensors", TensorCodec.encode(engine.globalLora()));
    MetricsParquet.write(spark, sink, writer.metricsCsv());
    out.println("run directory: " + s.runDir());
    return engine;
  }

  private static RoundTransport transport(TrainSettings s, SparkSession spark, ModelContext ctx,
      RunData data, Method method, HadoopFileSink sink, TaskScorer scorer) {
    if (s.string("spark.transport").equals("local")) {
      return new LocalTransport(data.driver(), new DeviceTrainer(ctx, method, scorer), method,
          new SinkDeviceStateStore(sink));
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return new SparkTransport(jsc, data.devices(), new ContextBlob(sink.root(), ctx),
        data.driver().publicTrain(), method, sink, s.integer("spark.tree-depth"));
  }
}
