package io.mlecs.jobs.transport;

import io.mlecs.core.data.Sample;
import io.mlecs.core.io.TensorCodec;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.server.SeCclRunner;
import io.mlecs.core.server.ServerState;
import io.mlecs.core.server.ServerStep;
import io.mlecs.core.train.ModelContext;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.resource.ExecutorResourceRequests;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.ResourceProfileBuilder;
import org.apache.spark.resource.TaskResourceRequests;

/**
 * Server placement {@code gpu-stage}: SE-CCL runs as a one-task Spark stage whose RDD carries a
 * {@link ResourceProfile} asking for a GPU (stage-level scheduling), so on a cluster with GPU
 * nodes the larger server model trains there with the {@code cuda} build while devices train on
 * CPU executors. The server state travels to the task and back as tensor-codec bytes; the model
 * context and the public data are broadcast once.
 *
 * <p>What the cluster needs: YARN or Kubernetes with dynamic allocation enabled (executor
 * resource profiles), or standalone; executors with GPUs and a discovery script
 * ({@code spark.executor.resource.gpu.discoveryScript}); the shaded jar built with
 * {@code -Pcuda} and CUDA 11.6 + cuDNN 8.3 on the GPU nodes. Local mode cannot schedule it and is
 * refused.
 */
public final class GpuServerStage implements SeCclRunner {
  private final JavaSparkContext sc;
  private final Broadcast<ContextBlob> context;
  private final Broadcast<List<Sample>> publicTrain;
  private final ResourceProfile profile;

  public GpuServerStage(JavaSparkContext sc, ContextBlob context, List<Sample> publicTrain,
      double gpus) {
    String master = sc.getConf().get("spark.master", "local");
    if (master.startsWith("local")) {
      throw new IllegalArgumentException("server.placement = gpu-stage needs a cluster manager "
          + "with GPU resources (YARN, Kubernetes or standalone); spark.master is " + master);
    }
    this.sc = sc;
    this.context = sc.broadcast(context);
    this.publicTrain = sc.broadcast(List.copyOf(publicTrain));
    this.profile = profile(gpus);
  }

  /** One GPU (or a share of one) for the executor and for the single server task. */
  public static ResourceProfile profile(double gpus) {
    if (!(gpus > 0)) {
      throw new IllegalArgumentException("server.gpu-amount must be > 0, got " + gpus);
    }
    ExecutorResourceRequests executor = new ExecutorResourceRequests()
        .resource("gpu", (long) Math.ceil(gpus), "", "nvidia.com").cores(1);
    TaskResourceRequests task = new TaskResourceRequests().resource("gpu", gpus).cpus(1);
    return new ResourceProfileBuilder().require(executor).require(task).build();
  }

  /** The state of the server in transit. */
  private record Payload(byte[] llm, byte[] llmOpt, byte[] slm, byte[] slmOpt, int round,
      boolean contrastive, HashMap<String, Double> metrics) implements Serializable {}

  @Override
  public Map<String, Double> run(ServerState state, List<Sample> pub, int round,
      boolean contrastive) {
    Payload in = new Payload(TensorCodec.encode(state.llm()),
        TensorCodec.encode(state.llmOptimizer()), TensorCodec.encode(state.slm()),
        TensorCodec.encode(state.slmOptimizer()), round, contrastive, new HashMap<>());
    Broadcast<ContextBlob> ctxBc = context;
    Broadcast<List<Sample>> pubBc = publicTrain;
    Payload out = sc.parallelize(List.of(in), 1).withResources(profile).map(p -> {
      ModelContext ctx = ctxBc.value().context();
      ServerState s = new ServerState(TensorCodec.decode(p.llm(), "llm"),
          TensorCodec.decode(p.llmOpt(), "llm optimizer"), TensorCodec.decode(p.slm(), "slm"),
          TensorCodec.decode(p.slmOpt(), "slm optimizer"));
      HashMap<String, Double> m = new HashMap<>(new ServerStep(ctx).seCcl(s, pubBc.value(),
          p.round(), p.contrastive()));
      return new Payload(TensorCodec.encode(s.llm()), TensorCodec.encode(s.llmOptimizer()),
          TensorCodec.encode(s.slm()), TensorCodec.encode(s.slmOptimizer()), p.round(),
          p.contrastive(), m);
    }).collect().get(0);
    replace(state.llm(), TensorCodec.decode(out.llm(), "llm from the GPU stage"));
    replace(state.llmOptimizer(), TensorCodec.decode(out.llmOpt(), "llm optimizer"));
    replace(state.slm(), TensorCodec.decode(out.slm(), "slm from the GPU stage"));
    replace(state.slmOptimizer(), TensorCodec.decode(out.slmOpt(), "slm optimizer"));
    return out.metrics();
  }

  private static void replace(ParamStore target, ParamStore source) {
    target.assignFrom(source);
  }

  public void close() {
    context.destroy();
    publicTrain.destroy();
  }
}
