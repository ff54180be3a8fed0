package io.mlecs.jobs.transport;

import io.mlecs.core.aggregate.FixedPointAccumulator;
import io.mlecs.core.data.DeviceData;
import io.mlecs.core.data.Sample;
import io.mlecs.core.engine.DeviceMetrics;
import io.mlecs.core.engine.DeviceRoundRunner;
import io.mlecs.core.engine.DeviceTrainer;
import io.mlecs.core.engine.Method;
import io.mlecs.core.engine.RoundBroadcast;
import io.mlecs.core.engine.RoundTransport;
import io.mlecs.core.engine.SinkDeviceStateStore;
import io.mlecs.core.engine.TaskScorers;
import io.mlecs.core.train.ModelContext;
import io.mlecs.jobs.io.HadoopFileSink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The Spark side of the round engine: each partition hosts one or more devices (the RDD of
 * device shards is keyed and partitioned by device id and cached), trains them in one task,
 * pre-aggregates their LoRA updates in the same fixed-point accumulator the core uses, and the
 * driver merges the partials with treeAggregate (a plain aggregate when there are no more
 * partitions than one tree level would merge: Spark's tree costs a few milliseconds more per round
 * and saves nothing then). The model context and the public data are broadcast once per run; each
 * round ships only the global LoRA and the fused representations: inside the tasks when they are
 * small (up to {@link #INLINE_PAYLOAD_BYTES} by default; a broadcast costs ~10 ms per round in
 * local mode),
 * else as a broadcast destroyed when the round is done. Device state stays on the executors' side
 * of the network, in the run directory's file system.
 */
public final class SparkTransport implements RoundTransport {
  /** Round payloads up to this many bytes travel inside the tasks, larger ones as a broadcast. */
  static final long INLINE_PAYLOAD_BYTES = 1L << 20;

  private final JavaSparkContext sc;
  private final JavaRDD<DeviceData> shards;
  private final Broadcast<ContextBlob> context;
  private final Broadcast<List<Sample>> publicTrain;
  private final Method method;
  private final HadoopFileSink stateSink;
  private final FaultInjection faults;
  private final int treeDepth;
  private long inlinePayloadBytes = INLINE_PAYLOAD_BYTES;

  public SparkTransport(JavaSparkContext sc, JavaRDD<DeviceData> shards, ContextBlob context,
      List<Sample> publicTrain, Method method, HadoopFileSink stateSink, int treeDepth) {
    this.sc = sc;
    this.shards = shards;
    this.context = sc.broadcast(context);
    this.publicTrain = sc.broadcast(new ArrayList<>(publicTrain));
    this.method = method;
    this.stateSink = stateSink;
    this.faults = FaultInjection.parse(sc.getConf().get(FaultInjection.CONF_KEY, ""));
    this.treeDepth = treeDepth;
  }

  /** Ships round payloads up to {@code bytes} inside the tasks (0: always as a broadcast). */
  public SparkTransport inlinePayloadUpTo(long bytes) {
    this.inlinePayloadBytes = bytes;
    return this;
  }

  @Override
  public RoundReturn runRound(RoundBroadcast broadcast) {
    RoundPayload roundPayload = new RoundPayload(broadcast);
    boolean inline = roundPayload.approximateBytes() <= inlinePayloadBytes;
    Broadcast<RoundPayload> payload = inline ? null : sc.broadcast(roundPayload);
    RoundPayload inlined = inline ? roundPayload : null;
    Broadcast<ContextBlob> ctxBc = context;
    Broadcast<List<Sample>> pubBc = publicTrain;
    Method m = method;
    HadoopFileSink sink = stateSink;
    FaultInjection f = faults;
    int round = broadcast.round();
    try {
      JavaRDD<TaskResult> partials = shards.mapPartitions(devices -> {
        ModelContext ctx = ctxBc.value().context();
        RoundBroadcast b = (inlined != null ? inlined : payload.value()).toBroadcast();
        DeviceRoundRunner runner = new DeviceRoundRunner(new DeviceTrainer(ctx, m,
            TaskScorers.forRun(ctx.dataset(), ctx.config().train())), m,
            new SinkDeviceStateStore(sink));
        FixedPointAccumulator acc = new FixedPointAccumulator();
        List<DeviceMetrics> metrics = new ArrayList<>();
        while (devices.hasNext()) {
          DeviceData d = devices.next();
          metrics.add(runner.runOne(d, pubBc.value(), b, acc).metrics());
          f.afterDevice(d.deviceId(), round);
        }
        return List.of(new TaskResult(acc, metrics)).iterator();
      });
      TaskResult total = partials.getNumPartitions() <= (1 << treeDepth)
          ? partials.aggregate(TaskResult.empty(), TaskResult::merge, TaskResult::merge)
          : partials.treeAggregate(TaskResult.empty(), TaskResult::merge, TaskResult::merge,
              treeDepth);
      total.metrics.sort(Comparator.comparingInt(DeviceMetrics::deviceId));
      return new RoundReturn(total.aggregate, total.metrics);
    } finally {
      if (payload != null) {
        payload.destroy();
      }
    }
  }

  @Override
  public void close() {
    context.destroy();
    publicTrain.destroy();
  }
}
