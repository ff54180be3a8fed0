package io.mlecs.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.core.config.RunConfig;
import io.mlecs.core.data.FederatedData;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.testing.TinyRuns;
import io.mlecs.core.train.ModelContext;
import io.mlecs.core.train.ModelContexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Three devices with different modality sets, three rounds, in-process. */
class RoundEngineTest {
  private static FederatedData data;
  private static RunConfig config;
  private static ModelContext ctx;
  private static ParamStore baseBefore;
  private static ParamStore serverBaseBefore;
  private static List<RoundReport> reports;
  private static RoundEngine engine;
  private static List<DeviceUpdate> lastUploads;
  private static InMemoryDeviceStateStore store;

  @BeforeAll
  static void run() {
    data = TinyRuns.threeDevices(5);
    config = TinyRuns.config(42, 3, "ml-ecs");
    ctx = ModelContexts.create(config, data);
    baseBefore = ctx.deviceBase().copy();
    serverBaseBefore = ctx.serverBase().copy();
    store = new InMemoryDeviceStateStore();
    reports = new ArrayList<>();
    engine = runEngine(ctx, Method.ML_ECS, store, reports);
  }

  static RoundEngine runEngine(ModelContext c, Method m, DeviceStateStore s,
      List<RoundReport> out) {
    TaskScorer scorer = TaskScorers.forDataset(data.spec());
    RoundEngine e = new RoundEngine(c, m, data, scorer);
    LocalTransport t = new LocalTransport(data, new DeviceTrainer(c, m, scorer), m, s);
    e.run(t, out::add);
    lastUploads = t.lastUploads();
    return e;
  }

  @Test
  void everyDeviceTestLossFalls() {
    TaskScorer scorer = TaskScorers.forDataset(data.spec());
    DeviceTrainer trainer = new DeviceTrainer(ctx, Method.ML_ECS, scorer);
    for (int d = 0; d < 3; d++) {
      var device = data.devices().get(d);
      ParamStore initial = new ParamStore();
      ctx.deviceBase().asMap().forEach(initial::put);
      trainer.initialState(device).params().asMap().forEach(initial::put);
      double first = Evaluation.evaluate(ctx, ctx.deviceShape(), device.modalityMask(), initial,
          device.test(), 16, scorer).get("test_loss");
      double last = reports.get(2).devices().get(d).values().get("test_loss");
      assertTrue(last < first, "device " + d + " test loss " + first + " -> " + last);
    }
  }

  @Test
  void onlyLoraAndModalityCountLeaveADevice() {
    assertEquals(3, lastUploads.size());
    long loraSize = engine.globalLora().count();
    int[] expectedCounts = {1, 2, 3};
    for (DeviceUpdate u : lastUploads) {
      assertTrue(u.lora().names().stream().allMatch(n -> n.startsWith("lora.")), u.lora().names()
          .toString());
      assertEquals(engine.globalLora().names(), u.lora().names());
      assertEquals(loraSize, u.lora().count());
      assertEquals(expectedCounts[u.deviceId()], u.modalityCount());
      assertEquals(loraSize * 4 + 4, u.bytes());
    }
    RoundReport last = reports.get(2);
    assertEquals(Map.of("count", 12L, "lora", 3 * loraSize * 4), last.bytesUp());
  }

  @Test
  void frozenBackboneWeightsAreUnchanged() {
    for (String n : baseBefore.names()) {
      assertArrayEquals(baseBefore.get(n).dup('c').data().asFloat(),
          ctx.deviceBase().get(n).dup('c').data().asFloat(), "device SLM " + n);
    }
    for (String n : serverBaseBefore.names()) {
      assertArrayEquals(serverBaseBefore.get(n).dup('c').data().asFloat(),
          ctx.serverBase().get(n).dup('c').data().asFloat(), "server LLM " + n);
    }
  }

  @Test
  void mmaWeightsMatchHandComputedOracle() {
    // without SE-CCL the next global LoRA is exactly the MMA average of the uploads
    List<RoundReport> out = new ArrayList<>();
    RunConfig c1 = config.withRounds(1);
    ModelContext ctx1 = new ModelContext(c1, ctx.dataset(), ctx.tokenizer(), ctx.deviceBase(),
        ctx.serverBase());
    RoundEngine e = runEngine(ctx1, Method.ML_ECS_NO_SECCL, new InMemoryDeviceStateStore(), out);
    double[] w = {1.0 / 6, 2.0 / 6, 3.0 / 6};
    for (String n : e.globalLora().names()) {
      INDArray expected = null;
      for (DeviceUpdate u : lastUploads) {
        INDArray term = u.lora().get(n).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
            .mul(w[u.deviceId()]);
        expected = expected == null ? term : expected.add(term);
      }
      double[] exp = expected.dup('c').data().asDouble();
      float[] act = e.globalLora().get(n).dup('c').data().asFloat();
      for (int i = 0; i < exp.length; i++) {
        assertEquals(exp[i], act[i], 1e-6 + 1e-6 * Math.abs(exp[i]), n + "[" + i + "]");
      }
    }
  }

  @Test
  void rerunGivesBitIdenticalAdapters() {
    ModelContext again = ModelContexts.create(config, data);
    List<RoundReport> out = new ArrayList<>();
    InMemoryDeviceStateStore s2 = new InMemoryDeviceStateStore();
    RoundEngine e2 = runEngine(again, Method.ML_ECS, s2, out);
    for (String n : engine.globalLora().names()) {
      assertArrayEquals(engine.globalLora().get(n).dup('c').data().asFloat(),
          e2.globalLora().get(n).data().asFloat(), n);
    }
    for (int d = 0; d < 3; d++) {
      ParamStore a = store.load(d, 3).orElseThrow().params();
      ParamStore b = s2.load(d, 3).orElseThrow().params();
      for (String n : a.names()) {
        assertArrayEquals(a.get(n).data().asFloat(), b.get(n).data().asFloat(), "device " + d
            + " " + n);
      }
    }
  }
}
