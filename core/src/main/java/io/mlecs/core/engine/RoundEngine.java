package io.mlecs.core.engine;

import io.mlecs.core.data.FederatedData;
import io.mlecs.core.data.Sample;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.server.ServerState;
import io.mlecs.core.server.SeCclRunner;
import io.mlecs.core.server.ServerStep;
import io.mlecs.core.train.ModelContext;
import io.mlecs.core.train.ModelFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Algorithm 1 for T rounds, under a {@link Method}'s policy: the server computes fused
 * representations of the public data (methods with device CCL), devices run their round through
 * the transport and upload (LoRA + |M_j| for ML-ECS), the server takes the per-tensor weighted
 * mean (MMA for ML-ECS), applies its rule (the mean, or FedAdagrad), adopts the result into the
 * server SLM, optionally runs LLM/SLM distillation (SE-CCL), and the SLM's tensors in the
 * method's upload scope become the next global model. Deterministic: every random stream derives
 * from (master seed, round, device), and aggregation is exact and order-independent.
 */
public final class RoundEngine {
  private final ModelContext ctx;
  private final Method method;
  private final FederatedData data;
  private final TaskScorer scorer;
  private final ServerStep server;
  private SeCclRunner seCcl;
  private ServerState state;
  private ParamStore global;
  private int completedRounds;

  public RoundEngine(ModelContext ctx, Method method, FederatedData data, TaskScorer scorer) {
    if (!method.promptFor(ctx.dataset()).equals(ctx.dataset())) {
      throw new IllegalArgumentException("method " + method.name() + " needs its own prompt: "
          + "build the model context with ModelContexts.create for a config of that method");
    }
    this.ctx = ctx;
    this.method = method;
    this.data = data;
    this.scorer = scorer;
    this.server = new ServerStep(ctx);
    this.state = server.initialState();
    this.seCcl = SeCclRunner.inProcess(server);
    if (method.heterogeneousRanks()) {
      // the global adapter (held by the server SLM) has the largest device rank
      ModelFactory.initialLora(method.globalConfig(ctx.config().device()), ctx.config().seed())
          .asMap().forEach(state.slm()::put);
    }
    this.global = globalOf(state);
  }

  /** The global model devices adopt: the server SLM's tensors in the method's upload scope. */
  private ParamStore globalOf(ServerState s) {
    return s.slm().copyOf(method.upload().prefixArray());
  }

  /**
   * Resumes from a checkpointed server state after {@code completed} rounds; {@code saved} is
   * the global model of that round ({@link #globalModel()}; the LoRA for LoRA-only methods).
   */
  public void restore(ServerState saved, ParamStore savedGlobal, int completed) {
    this.state = saved.copy();
    this.global = savedGlobal.copy();
    this.completedRounds = completed;
  }

  /** Runs SE-CCL elsewhere (e.g. a GPU stage); the default runs it in this JVM. */
  public RoundEngine withSeCclRunner(SeCclRunner runner) {
    this.seCcl = runner;
    return this;
  }

  public ServerState serverState() {
    return state;
  }

  /** The global LoRA tensors devices adopt next round. */
  public ParamStore globalLora() {
    return method.upload() == UploadScope.LORA ? global : global.copyOf(ParamStore.LORA);
  }

  /** Every global tensor devices adopt next round (LoRA; also encoders/connector for FedAvg). */
  public ParamStore globalModel() {
    return global;
  }

  public int completedRounds() {
    return completedRounds;
  }

  /** Runs the next round through {@code transport} and returns its report. */
  public RoundReport runRound(RoundTransport transport) {
    long t0 = System.nanoTime();
    int round = completedRounds + 1;
    List<Sample> pub = data.publicTrain();
    Map<String, float[]> anchors = method.deviceCcl()
        ? server.fusedRepresentations(state, pub) : Map.of();
    RoundBroadcast broadcast = new RoundBroadcast(round, global, anchors);
    RoundTransport.RoundReturn ret = transport.runRound(broadcast);
    Map<String, Double> serverMetrics = new HashMap<>();
    if (method.collaborate()) {
      // per-tensor (and per-rank-slot) weighted mean; what no device sent keeps its value
      ParamStore mean = ret.aggregate().meanOver(global);
      ParamStore next = method.serverOptimizer().step(global, mean, state.slmOptimizer());
      state.slm().assignFrom(next);
      if (method.seCcl()) {
        serverMetrics.putAll(seCcl.run(state, pub, round, method.serverContrastive()));
      }
      global = globalOf(state);
      if (method.serverModel()) {
        Map<String, Double> eval = Evaluation.evaluate(ctx, ctx.serverShape(),
            ctx.dataset().fullMask(), ServerStepAccess.llmWithBase(ctx, state), data.publicTest(),
            ctx.config().train().evalMaxSamples(), scorer);
        serverMetrics.putAll(eval);
      }
    }
    Map<String, Long> down = new TreeMap<>();
    Map<String, Long> up = new TreeMap<>();
    for (DeviceMetrics m : ret.metrics()) {
      m.bytesDown().forEach((k, v) -> down.merge(k, v, Long::sum));
      m.bytesUp().forEach((k, v) -> up.merge(k, v, Long::sum));
    }
    completedRounds = round;
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new RoundReport(round, seconds, ret.metrics(), serverMetrics, down, up);
  }

  /** Runs all remaining rounds, telling {@code listener} after each. */
  public void run(RoundTransport transport, RoundListener listener) {
    while (completedRounds < ctx.config().rounds()) {
      listener.onRound(runRound(transport));
    }
  }

  /** Access to the server LLM with its frozen backbone for evaluation. */
  static final class ServerStepAccess {
    private ServerStepAccess() {}

    static ParamStore llmWithBase(ModelContext ctx, ServerState s) {
      ParamStore all = new ParamStore();
      ctx.serverBase().asMap().forEach(all::put);
      s.llm().asMap().forEach(all::put);
      return all;
    }
  }
}
