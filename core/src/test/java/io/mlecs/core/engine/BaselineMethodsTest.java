package io.mlecs.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.core.aggregate.FixedPointAccumulator;
import io.mlecs.core.aggregate.LoraRanks;
import io.mlecs.core.aggregate.ServerOptimizer;
import io.mlecs.core.data.DeviceData;
import io.mlecs.core.data.FederatedData;
import io.mlecs.core.model.ParamNames;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.testing.TinyRuns;
import io.mlecs.core.train.ModelContext;
import io.mlecs.core.train.ModelContexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The baselines on the shared engine: three devices owning {rgb}, {rgb, depth}, {rgb, depth,
 * acce} and different numbers of samples, one round each, with hand-computed oracles for each
 * method's defining property.
 */
class BaselineMethodsTest {
  private static FederatedData data;
  private static ModelContext ctx;

  @BeforeAll
  static void setUp() {
    FederatedData three = TinyRuns.threeDevices(5);
    // unequal sample counts, so that sample-count weights differ from uniform / MMA weights
    List<DeviceData> devices = new ArrayList<>();
    for (DeviceData d : three.devices()) {
      int n = d.train().size() - 8 * d.deviceId();
      devices.add(new DeviceData(d.deviceId(), d.modalityMask(), d.train().subList(0, n),
          d.test()));
    }
    data = new FederatedData(three.spec(), three.publicTrain(), three.publicTest(), devices);
    ctx = ModelContexts.create(TinyRuns.config(42, 1, "ml-ecs"), data);
  }

  /** One engine run and what crossed the network in its last round. */
  record Run(RoundEngine engine, ParamStore initialGlobal, List<DeviceUpdate> uploads,
      List<RoundReport> reports) {}

  static Run run(ModelContext c, Method m, int rounds) {
    TaskScorer scorer = TaskScorers.forDataset(data.spec());
    RoundEngine e = new RoundEngine(c, m, data, scorer);
    ParamStore initial = e.globalModel().copy();
    List<RoundReport> reports = new ArrayList<>();
    LocalTransport t = new LocalTransport(data, new DeviceTrainer(c, m, scorer), m,
        new InMemoryDeviceStateStore());
    for (int r = 0; r < rounds; r++) {
      reports.add(e.runRound(t));
    }
    return new Run(e, initial, t.lastUploads(), reports);
  }

  static double[] doubles(INDArray a) {
    return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
  }

  static void assertClose(double[] expected, INDArray actual, String what) {
    double[] act = doubles(actual);
    assertEquals(expected.length, act.length, what);
    for (int i = 0; i < act.length; i++) {
      assertEquals(expected[i], act[i], 1e-6 + 1e-6 * Math.abs(expected[i]), what + "[" + i + "]");
    }
  }

  /** sum_j n_j x_j / sum_j n_j over the uploads that contain {@code name}, in double. */
  static double[] sampleWeightedMean(List<DeviceUpdate> uploads, String name) {
    double[] sum = null;
    double weight = 0;
    for (DeviceUpdate u : uploads) {
      if (!u.tensors().contains(name)) {
        continue;
      }
      double[] v = doubles(u.tensors().get(name));
      if (sum == null) {
        sum = new double[v.length];
      }
      for (int i = 0; i < v.length; i++) {
        sum[i] += u.sampleCount() * v[i];
      }
      weight += u.sampleCount();
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] /= weight;
    }
    return sum;
  }

  @Test
  void everyMethodIsSelectableByNameAndTheErrorListsThemAll() {
    List<String> names = List.of("ml-ecs", "ml-ecs-no-mma", "ml-ecs-no-seccl", "standalone",
        "multi-fedavg", "fedmllm", "fedilora", "co-plms");
    for (String n : names) {
      assertEquals(n, Method.byName(n).name());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Method.byName("fedavg"));
    for (String n : names) {
      assertTrue(e.getMessage().contains(n), e.getMessage());
    }
  }

  @Test
  void multiFedAvgAveragesEveryTensorOverTheDevicesThatHaveIt() {
    Run r = run(ctx, Method.MULTI_FEDAVG, 1);
    int[] counts = {data.devices().get(0).train().size(), data.devices().get(1).train().size(),
        data.devices().get(2).train().size()};
    assertTrue(counts[0] != counts[1] && counts[1] != counts[2]);
    // uploads: the whole trainable device model, nothing frozen, nothing of absent modalities
    for (DeviceUpdate u : r.uploads()) {
      assertEquals(UploadScope.MODEL, u.scope());
      assertEquals(counts[u.deviceId()], u.sampleCount());
      assertTrue(u.tensors().names().stream().noneMatch(n -> n.startsWith("base.")
          || n.startsWith("ccl.") || n.startsWith("adam.")), u.tensors().names().toString());
      assertTrue(u.tensors().contains(ParamNames.encoder("rgb", "w1")));
      assertTrue(u.tensors().contains(ParamNames.fusion("w1")));
      assertTrue(u.tensors().contains(ParamNames.softPrompt("w2")));
      assertTrue(u.tensors().contains(ParamNames.lora(0, 'q', 'a')));
      assertEquals(u.deviceId() >= 1, u.tensors().contains(ParamNames.encoder("depth", "w1")));
      assertEquals(u.deviceId() == 2, u.tensors().contains(ParamNames.projector("acce", "w")));
    }
    // the global model: per-tensor sample-weighted mean over the devices having the tensor
    ParamStore global = r.engine().globalModel();
    assertEquals(r.initialGlobal().names(), global.names());
    for (String n : global.names()) {
      assertClose(sampleWeightedMean(r.uploads(), n), global.get(n), n);
    }
    // acce only on device 2: its tensor as uploaded; depth over devices 1 and 2 only
    assertArrayEquals(r.uploads().get(2).tensors().get(ParamNames.encoder("acce", "w2"))
        .dup('c').data().asFloat(), global.get(ParamNames.encoder("acce", "w2")).dup('c').data()
        .asFloat(), 1e-6f);
    // each device received exactly the global tensors it has
    RoundReport rep = r.reports().get(0);
    for (DeviceMetrics m : rep.devices()) {
      DeviceUpdate u = r.uploads().get(m.deviceId());
      assertEquals(DeviceTrainer.payloadBytes(u.tensors()), m.bytesDown());
      assertEquals(u.bytes(), m.bytesUp().values().stream().mapToLong(Long::longValue).sum());
      assertFalse(m.values().containsKey("ccl_loss"));
    }
    assertTrue(rep.bytesUp().get("encoder") > 0 && rep.bytesUp().get("connector") > 0);
    assertFalse(rep.bytesDown().containsKey("fused"));
    assertTrue(rep.server().isEmpty(), "no server model: " + rep.server());
  }

  @Test
  void aTransportThatMergesInAnotherOrderGivesBitIdenticalGlobals() {
    Method m = Method.MULTI_FEDAVG;
    TaskScorer scorer = TaskScorers.forDataset(data.spec());
    RoundEngine local = new RoundEngine(ctx, m, data, scorer);
    local.runRound(new LocalTransport(data, new DeviceTrainer(ctx, m, scorer), m,
        new InMemoryDeviceStateStore()));
    // devices in reverse order, in two "partitions" whose partial sums are merged (treeAggregate)
    DeviceRoundRunner runner = new DeviceRoundRunner(new DeviceTrainer(ctx, m, scorer), m,
        new InMemoryDeviceStateStore());
    RoundTransport reversed = broadcast -> {
      FixedPointAccumulator p1 = new FixedPointAccumulator();
      FixedPointAccumulator p2 = new FixedPointAccumulator();
      List<DeviceMetrics> metrics = new ArrayList<>();
      for (int d = 2; d >= 0; d--) {
        metrics.add(runner.runOne(data.devices().get(d), data.publicTrain(), broadcast,
            d == 1 ? p1 : p2).metrics());
      }
      return new RoundTransport.RoundReturn(p1.merge(p2), metrics);
    };
    RoundEngine other = new RoundEngine(ctx, m, data, scorer);
    other.runRound(reversed);
    for (String n : local.globalModel().names()) {
      assertArrayEquals(local.globalModel().get(n).dup('c').data().asFloat(),
          other.globalModel().get(n).dup('c').data().asFloat(), n);
    }
  }

  @Test
  void fedMllmAppliesFedAdagradToTheMeanWithAModalityAgnosticPrompt() {
    Method m = Method.FEDMLLM;
    // the method needs a context built for its prompt
    assertThrows(IllegalArgumentException.class, () -> new RoundEngine(ctx, m, data,
        TaskScorers.forDataset(data.spec())));
    ModelContext own = ModelContexts.create(TinyRuns.config(42, 1, "fedmllm"), data);
    assertTrue(own.dataset().instruction().endsWith(Method.AGNOSTIC_PROMPT));
    assertTrue(own.promptIds().length > ctx.promptIds().length);
    Run r = run(own, m, 1);
    for (DeviceUpdate u : r.uploads()) {
      assertTrue(u.tensors().names().stream().allMatch(n -> n.startsWith("lora.")));
    }
    ServerOptimizer o = m.serverOptimizer();
    assertEquals(ServerOptimizer.Kind.FED_ADAGRAD, o.kind());
    assertEquals(1e-3, o.tau());
    ParamStore v = r.engine().serverState().slmOptimizer();
    for (String n : r.initialGlobal().names()) {
      double[] x0 = doubles(r.initialGlobal().get(n));
      double[] mean = sampleWeightedMean(r.uploads(), n);
      double[] expected = new double[x0.length];
      double[] expectedV = new double[x0.length];
      for (int i = 0; i < x0.length; i++) {
        double delta = mean[i] - x0[i];
        expectedV[i] = o.tau() * o.tau() + delta * delta;
        expected[i] = x0[i] + o.learningRate() * delta / (Math.sqrt(expectedV[i]) + o.tau());
      }
      assertClose(expected, r.engine().globalLora().get(n), n);
      assertClose(expectedV, v.get(ServerOptimizer.ADAGRAD_V + n), "v of " + n);
    }
    RoundReport rep = r.reports().get(0);
    assertFalse(rep.bytesDown().containsKey("fused"));
    assertTrue(rep.server().isEmpty());
    assertTrue(rep.devices().stream().noneMatch(d -> d.values().containsKey("ccl_loss")));
  }

  @Test
  void theFedProxTermPullsADevicesLoraTowardsTheGlobalOne() {
    // wiring of the proximal term into device training (its gradient is checked in
    // ProximalTermGradientTest): a strong mu keeps the trained LoRA near w_global
    TaskScorer scorer = TaskScorers.forDataset(data.spec());
    DeviceData device = data.devices().get(1);
    double[] distance = new double[2];
    double[] mus = {0.0, 1e3};
    for (int k = 0; k < 2; k++) {
      Method m = Method.MULTI_FEDAVG.withProxMu(mus[k]);
      RoundEngine e = new RoundEngine(ctx, m, data, scorer);
      DeviceTrainer trainer = new DeviceTrainer(ctx, m, scorer);
      RoundBroadcast b = new RoundBroadcast(1, e.globalModel(), Map.of());
      ParamStore lora = trainer.run(device, data.publicTrain(), trainer.initialState(device), b)
          .update().lora();
      for (String n : lora.names()) {
        distance[k] += doubles(lora.get(n).sub(e.globalModel().get(n)).muli(
            lora.get(n).sub(e.globalModel().get(n))).sum())[0];
      }
    }
    assertTrue(distance[1] < 0.25 * distance[0], "||w - w_global||^2 without / with FedProx: "
        + distance[0] + " / " + distance[1]);
  }

  @Test
  void fediLoraAveragesEachRankDimensionOverTheDevicesThatHaveIt() {
    Method m = Method.FEDILORA.withLoraRanks(List.of(2, 3, 6));
    Run r = run(ctx, m, 1);
    int d = ctx.config().device().dModel();
    int[] ranks = {2, 3, 6};
    for (DeviceUpdate u : r.uploads()) {
      int rank = ranks[u.deviceId()];
      assertArrayEquals(new long[] {d, rank}, u.tensors().get(ParamNames.lora(0, 'v', 'a'))
          .shape());
      assertArrayEquals(new long[] {rank, d}, u.tensors().get(ParamNames.lora(0, 'v', 'b'))
          .shape());
    }
    ParamStore global = r.engine().globalLora();
    for (String n : global.names()) {
      INDArray g = global.get(n);
      int axis = LoraRanks.rankAxis(n);
      assertEquals(6, g.size(axis), n);
      // hand oracle: rank dimension k over the devices with r_j > k, weights n_j
      double[] expected = new double[(int) g.length()];
      for (int i = 0; i < g.size(0); i++) {
        for (int j = 0; j < g.size(1); j++) {
          int k = axis == 1 ? j : i;
          double sum = 0;
          double w = 0;
          for (DeviceUpdate u : r.uploads()) {
            if (ranks[u.deviceId()] > k) {
              sum += u.sampleCount() * u.tensors().get(n).getDouble(i, j);
              w += u.sampleCount();
            }
          }
          expected[(int) (i * g.size(1) + j)] = sum / w;
        }
      }
      assertClose(expected, g, n);
    }
    // each device received the leading r_j rank dimensions of the global adapter
    long perRank = 2L * 2 * ctx.config().device().layers() * d * 4;
    for (DeviceMetrics dm : r.reports().get(0).devices()) {
      assertEquals(Map.of("lora", perRank * ranks[dm.deviceId()]), dm.bytesDown());
    }
    assertTrue(r.reports().get(0).server().isEmpty());
  }

  @Test
  void coPlmsDistilsBothWaysWithoutAnyContrastiveTerm() {
    Run r = run(ctx, Method.CO_PLMS, 1);
    RoundReport rep = r.reports().get(0);
    assertFalse(rep.bytesDown().containsKey("fused"), "no CCL on devices: no anchors sent");
    assertTrue(rep.devices().stream().noneMatch(d -> d.values().containsKey("ccl_loss")));
    assertTrue(rep.server().containsKey("llm_loss") && rep.server().containsKey("slm_loss"),
        rep.server().toString());
    assertTrue(rep.server().containsKey("test_loss"), "the server LLM is evaluated");
    // the LLM's temperature only enters the contrastive term: it must be untouched ...
    ParamStore llm0 = new io.mlecs.core.server.ServerStep(ctx).initialState().llm();
    ParamStore llm1 = r.engine().serverState().llm();
    assertEquals(llm0.get(ParamNames.LOG_TAU).getDouble(0),
        llm1.get(ParamNames.LOG_TAU).getDouble(0), 0.0);
    // ... while the LLM did train (LM + KT)
    assertNotEquals(llm0.get(ParamNames.lora(0, 'q', 'b')).sumNumber().doubleValue(),
        llm1.get(ParamNames.lora(0, 'q', 'b')).sumNumber().doubleValue());
    // and the SLM distilled from the LLM after adopting the sample-weighted mean
    String n = ParamNames.lora(0, 'v', 'b');
    double[] mean = sampleWeightedMean(r.uploads(), n);
    double[] after = doubles(r.engine().globalLora().get(n));
    double diff = 0;
    for (int i = 0; i < mean.length; i++) {
      diff = Math.max(diff, Math.abs(mean[i] - after[i]));
    }
    assertTrue(diff > 1e-5, "SLM LoRA did not move during distillation: " + diff);
    for (DeviceUpdate u : r.uploads()) {
      assertEquals(UploadScope.LORA, u.scope());
    }
  }
}
