package io.mlecs.core.engine;

import io.mlecs.core.data.FederatedData;
import io.mlecs.core.data.Sample;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.server.ServerState;
import io.mlecs.core.server.ServerStep;
import io.mlecs.core.train.ModelContext;
import io.mlecs.core.train.ModelFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Algorithm 1 for T rounds: the server computes fused representations of the public data,
 * devices run CCL + AMT through the transport and upload LoRA + |M_j|, the server aggregates
 * (MMA), runs SE-CCL, and the SLM's LoRA becomes the next global LoRA. Deterministic: every
 * random stream derives from (master seed, round, device).
 */
public final class RoundEngine {
  private final ModelContext ctx;
  private final Method method;
  private final FederatedData data;
  private final TaskScorer scorer;
  private final ServerStep server;
  private ServerState state;
  private ParamStore globalLora;
  private int completedRounds;

  public RoundEngine(ModelContext ctx, Method method, FederatedData data, TaskScorer scorer) {
    this.ctx = ctx;
    this.method = method;
    this.data = data;
    this.scorer = scorer;
    this.server = new ServerStep(ctx);
    this.state = server.initialState();
    this.globalLora = ModelFactory.initialLora(ctx.config().device(), ctx.config().seed());
  }

  /** Resumes from a checkpointed server state after {@code completed} rounds. */
  public void restore(ServerState saved, ParamStore lora, int completed) {
    this.state = saved.copy();
    this.globalLora = lora.copy();
    this.completedRounds = completed;
  }

  public ServerState serverState() {
    return state;
  }

  public ParamStore globalLora() {
    return globalLora;
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
    RoundBroadcast broadcast = new RoundBroadcast(round, globalLora, anchors);
    RoundTransport.RoundReturn ret = transport.runRound(broadcast);
    Map<String, Double> serverMetrics = new HashMap<>();
    if (method.collaborate()) {
      ParamStore aggregated = ret.aggregate().mean();
      state.slm().assignFrom(aggregated);
      if (method.seCcl()) {
        serverMetrics.putAll(server.seCcl(state, pub, round));
      }
      globalLora = state.slmLora();
      Map<String, Double> eval = Evaluation.evaluate(ctx, ctx.serverShape(),
          ctx.dataset().fullMask(), ServerStepAccess.llmWithBase(ctx, state), data.publicTest(),
          ctx.config().train().evalMaxSamples(), scorer);
      serverMetrics.putAll(eval);
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
