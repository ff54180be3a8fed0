package io.mlecs.jobs.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mlecs.core.config.RunConfig;
import io.mlecs.core.data.FederatedData;
import io.mlecs.core.engine.DeviceTrainer;
import io.mlecs.core.engine.InMemoryDeviceStateStore;
import io.mlecs.core.engine.LocalTransport;
import io.mlecs.core.engine.Method;
import io.mlecs.core.engine.RoundEngine;
import io.mlecs.core.engine.RoundReport;
import io.mlecs.core.engine.SinkDeviceStateStore;
import io.mlecs.core.engine.TaskScorer;
import io.mlecs.core.engine.TaskScorers;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.testing.TinyRuns;
import io.mlecs.core.train.ModelContext;
import io.mlecs.core.train.ModelContexts;
import io.mlecs.jobs.io.HadoopFileSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same seed gives bit-identical adapters from LocalTransport and from Spark local mode. */
class TransportEquivalenceTest {
  private static FederatedData data;
  private static ModelContext ctx;
  private static RoundEngine local;
  private static InMemoryDeviceStateStore localStore;
  private static List<RoundReport> localReports;

  @BeforeAll
  static void runLocal() {
    data = TinyRuns.threeDevices(5);
    RunConfig config = TinyRuns.config(42, 2, "ml-ecs");
    ctx = ModelContexts.create(config, data);
    TaskScorer scorer = TaskScorers.forDataset(data.spec());
    local = new RoundEngine(ctx, Method.ML_ECS, data, scorer);
    localStore = new InMemoryDeviceStateStore();
    localReports = new ArrayList<>();
    local.run(new LocalTransport(data, new DeviceTrainer(ctx, Method.ML_ECS, scorer),
        Method.ML_ECS, localStore), localReports::add);
  }

  static RoundEngine runSpark(String master, String fault, Path dir, List<RoundReport> out) {
    return runSpark(master, fault, dir, out, 2, 2, SparkTransport.INLINE_PAYLOAD_BYTES);
  }

  static RoundEngine runSpark(String master, String fault, Path dir, List<RoundReport> out,
      int partitions, int treeDepth, long inlinePayloadBytes) {
    SparkConf conf = new SparkConf().setMaster(master).setAppName("equivalence")
        .set("spark.ui.enabled", "false");
    if (fault != null) {
      conf.set(FaultInjection.CONF_KEY, fault);
    }
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      RoundEngine e = new RoundEngine(ctx, Method.ML_ECS, data,
          TaskScorers.forDataset(data.spec()));
      HadoopFileSink sink = new HadoopFileSink(dir.toUri().toString());
      try (SparkTransport t = new SparkTransport(sc, sc.parallelize(data.devices(), partitions)
          .cache(), new ContextBlob("equivalence-" + master, ctx), data.publicTrain(),
          Method.ML_ECS, sink, treeDepth).inlinePayloadUpTo(inlinePayloadBytes)) {
        e.run(t, out::add);
      }
      return e;
    }
  }

  static void assertSameAdapters(RoundEngine a, RoundEngine b) {
    for (String n : a.globalLora().names()) {
      assertArrayEquals(a.globalLora().get(n).dup('c').data().asFloat(),
          b.globalLora().get(n).dup('c').data().asFloat(), n);
    }
  }

  @Test
  void broadcastPayloadAndTreeAggregateGiveTheSameAdapters(@TempDir Path dir) {
    // one device per partition with a tree of depth 1 (3 partitions > 2: treeAggregate, where the
    // other tests' 2 partitions are merged by a plain aggregate) and the payload as a broadcast
    List<RoundReport> reports = new ArrayList<>();
    assertSameAdapters(local, runSpark("local[2]", null, dir, reports, 3, 1, 0));
    assertEquals(localReports.get(1).devices().get(2).values(),
        reports.get(1).devices().get(2).values());
  }

  @Test
  void sparkLocalModeGivesBitIdenticalAdaptersAndDeviceStates(@TempDir Path dir) {
    List<RoundReport> reports = new ArrayList<>();
    RoundEngine spark = runSpark("local[2]", null, dir, reports);
    assertSameAdapters(local, spark);
    SinkDeviceStateStore sparkStore = new SinkDeviceStateStore(new HadoopFileSink(
        dir.toUri().toString()));
    for (int d = 0; d < 3; d++) {
      ParamStore a = localStore.load(d, 2).orElseThrow().params();
      ParamStore b = sparkStore.load(d, 2).orElseThrow().params();
      assertEquals(a.names(), b.names());
      for (String n : a.names()) {
        assertArrayEquals(a.get(n).dup('c').data().asFloat(), b.get(n).dup('c').data().asFloat(),
            "device " + d + " " + n);
      }
    }
    for (int r = 0; r < 2; r++) {
      assertEquals(localReports.get(r).bytesUp(), reports.get(r).bytesUp());
      assertEquals(localReports.get(r).bytesDown(), reports.get(r).bytesDown());
      for (int d = 0; d < 3; d++) {
        assertEquals(localReports.get(r).devices().get(d).values(),
            reports.get(r).devices().get(d).values(), "round " + (r + 1) + " device " + d);
      }
    }
  }

  @Test
  void aFailedTaskIsRetriedAndTheResultIsUnchanged(@TempDir Path dir) {
    // local[2,2]: two cores, a task may fail once; device 1 fails after training in round 2
    RoundEngine retried = runSpark("local[2,2]", "1:2", dir, new ArrayList<>());
    assertSameAdapters(local, retried);
  }
}
