package io.mlecs.core.engine;

import io.mlecs.core.aggregate.LoraRanks;
import io.mlecs.core.config.ModelConfig;
import io.mlecs.core.data.DeviceData;
import io.mlecs.core.data.Sample;
import io.mlecs.core.loss.GramContrastiveLoss;
import io.mlecs.core.model.BatchEncoder;
import io.mlecs.core.model.GraphInputs;
import io.mlecs.core.model.GraphSpec;
import io.mlecs.core.model.ModelShape;
import io.mlecs.core.model.Objective;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.model.UnifiedModelGraph;
import io.mlecs.core.train.AdamOptimizer;
import io.mlecs.core.train.DeviceState;
import io.mlecs.core.train.ModelContext;
import io.mlecs.core.train.ModelFactory;
import io.mlecs.core.train.ProximalTerm;
import io.mlecs.core.train.StageTrainer;
import io.mlecs.core.train.TrainableSets;
import io.mlecs.core.util.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One device's round (Alg. 1 lines 4-10), as the method's policy shapes it: adopt the global
 * tensors the device has (LoRA; for Multi-FedAvg also its encoders and connector; for FediLoRA
 * the leading r_j rank dimensions), CCL on the device's view of the public data with the server's
 * fused representations as anchors (ML-ECS family only), local tuning (AMT) on the private data
 * (with a FedProx term for FedMLLM), evaluation on the private test split, upload of the tensors
 * in the method's {@link UploadScope} and one count. A pure function of (context, data, state,
 * broadcast, seed).
 */
public final class DeviceTrainer {
  private final ModelContext ctx;
  private final Method method;
  private final TaskScorer scorer;

  public DeviceTrainer(ModelContext ctx, Method method, TaskScorer scorer) {
    this.ctx = ctx;
    this.method = method;
    this.scorer = scorer;
  }

  /** Result of one device round. */
  public record Result(DeviceUpdate update, DeviceState state, DeviceMetrics metrics) {}

  /** The state of a device before its first round. */
  public DeviceState initialState(DeviceData data) {
    ParamStore p = ModelFactory.device(ctx.config().device(), ctx.dataset(), data.modalityMask(),
        ctx.config().seed(), data.deviceId());
    p.assignFrom(ModelFactory.initialLora(deviceConfig(data.deviceId()), ctx.config().seed()));
    return new DeviceState(p, new ParamStore());
  }

  /** The device model's sizes (device-specific LoRA rank for FediLoRA). */
  ModelConfig deviceConfig(int deviceId) {
    return method.deviceConfig(ctx.config().device(), deviceId);
  }

  /**
   * Copies into {@code own} every global tensor the device has (a rank-r_j slice of a wider
   * LoRA factor when ranks are heterogeneous) and returns the bytes received by payload.
   */
  static Map<String, Long> adopt(ParamStore own, ParamStore global, boolean heterogeneousRanks) {
    Map<String, Long> bytes = new TreeMap<>();
    for (Map.Entry<String, INDArray> e : global.asMap().entrySet()) {
      String name = e.getKey();
      if (!own.contains(name)) {
        continue;
      }
      INDArray mine = own.get(name);
      INDArray value = e.getValue();
      if (heterogeneousRanks && name.startsWith(ParamStore.LORA)
          && !Arrays.equals(mine.shape(), value.shape())) {
        value = LoraRanks.leading(name, value, (int) mine.size(LoraRanks.rankAxis(name)));
      }
      if (!Arrays.equals(mine.shape(), value.shape())) {
        throw new IllegalArgumentException("global tensor '" + name + "' is "
            + Arrays.toString(value.shape()) + ", the device's " + Arrays.toString(mine.shape()));
      }
      mine.assign(value);
      bytes.merge(UploadScope.payload(name), value.length() * 4L, Long::sum);
    }
    return bytes;
  }

  /** Bytes of {@code tensors} by payload. */
  static Map<String, Long> payloadBytes(ParamStore tensors) {
    Map<String, Long> bytes = new TreeMap<>();
    tensors.asMap().forEach((n, a) -> bytes.merge(UploadScope.payload(n), a.length() * 4L,
        Long::sum));
    return bytes;
  }

  public Result run(DeviceData data, List<Sample> publicTrain, DeviceState previous,
      RoundBroadcast broadcast) {
    int round = broadcast.round();
    int id = data.deviceId();
    long seed = ctx.config().seed();
    DeviceState state = previous.copy();
    ParamStore own = state.params();
    ModelShape shape = ctx.deviceShape().withConfig(deviceConfig(id));
    Map<String, Long> down = new HashMap<>();
    if (method.collaborate()) {
      down.putAll(adopt(own, broadcast.global(), method.heterogeneousRanks()));
    }
    ParamStore all = new ParamStore();
    ctx.deviceBase().asMap().forEach(all::put);
    own.asMap().forEach(all::put);
    // w_global of the FedProx term: the LoRA as received this round
    ParamStore proxAnchor = own.copyOf(ParamStore.LORA);
    BatchEncoder encoder = new BatchEncoder(shape, ctx.tokenizer(), ctx.promptIds());
    AdamOptimizer adam = new AdamOptimizer(state.optimizer());
    var train = ctx.config().train();
    Map<String, Double> values = new HashMap<>();
    if (method.deviceCcl()) {
      List<Sample> view = new ArrayList<>();
      for (Sample s : publicTrain) {
        view.add(s.restrictTo(data.modalityMask()));
      }
      down.put("fused", (long) view.size() * ctx.config().device().latentDim() * 4L);
      GraphSpec spec = GraphSpec.of(shape, data.modalityMask(), Objective.CCL_DEVICE)
          .withDropout(ctx.config().device().loraDropout() > 0);
      UnifiedModelGraph g = UnifiedModelGraph.build(spec, all, DataType.FLOAT);
      double smoothing = train.labelSmoothing();
      StageTrainer.Extras anchors = (batch, ph) -> {
        float[][] a = new float[batch.size()][];
        for (int i = 0; i < a.length; i++) {
          a[i] = broadcast.anchors().get(batch.get(i).id());
          if (a[i] == null) {
            throw new IllegalStateException("no fused representation for public sample "
                + batch.get(i).id());
          }
        }
        ph.put(GraphInputs.ANCHOR, Nd4j.create(a));
        ph.put(GraphInputs.CONTRASTIVE_TARGETS,
            Nd4j.create(GramContrastiveLoss.targets(batch.size(), smoothing)).castTo(
                DataType.FLOAT));
      };
      double l = new StageTrainer(g, encoder).batchSize(train.batchSize())
          .engine(train.stepEngine()).train(all,
          adam, view, TrainableSets.deviceCcl(own), train.cclEpochs(), train.learningRate(),
          Seeds.derive(seed, round, id, Seeds.Purpose.DEVICE_CCL), anchors);
      values.put("ccl_loss", l);
    }
    GraphSpec amtSpec = GraphSpec.of(shape, data.modalityMask(), Objective.LM)
        .withDropout(ctx.config().device().loraDropout() > 0);
    UnifiedModelGraph amt = UnifiedModelGraph.build(amtSpec, all, DataType.FLOAT);
    // AMT (Eq. 12) trains encoders and LoRA; a method that federates the whole device model
    // also trains what it uploads (the connector)
    List<String> amtVars = method.upload() == UploadScope.MODEL ? TrainableSets.deviceFull(own)
        : TrainableSets.deviceAmt(own);
    StageTrainer.Penalty prox = method.proxMu() > 0 && method.collaborate()
        ? new ProximalTerm(method.proxMu(), proxAnchor) : StageTrainer.Penalty.none();
    double amtLoss = new StageTrainer(amt, encoder).batchSize(train.batchSize())
        .engine(train.stepEngine())
        .train(all, adam, data.train(), amtVars, train.amtEpochs(),
            train.learningRate(), Seeds.derive(seed, round, id, Seeds.Purpose.DEVICE_AMT),
            StageTrainer.Extras.none(), prox);
    values.put("amt_loss", amtLoss);
    values.putAll(Evaluation.evaluate(ctx, shape, data.modalityMask(), all,
        data.test(), train.evalMaxSamples(), scorer));
    ParamStore sent = own.copyOf(method.upload().prefixArray());
    DeviceUpdate update = new DeviceUpdate(id, data.modalityCount(), data.train().size(),
        method.upload(), sent);
    Map<String, Long> up = new HashMap<>();
    if (method.collaborate()) {
      up.putAll(payloadBytes(sent));
      up.put("count", 4L);
    }
    return new Result(update, state, new DeviceMetrics(id, round, values, down, up));
  }
}
