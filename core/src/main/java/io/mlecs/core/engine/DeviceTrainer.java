package io.mlecs.core.engine;

import io.mlecs.core.data.DeviceData;
import io.mlecs.core.data.Sample;
import io.mlecs.core.loss.GramContrastiveLoss;
import io.mlecs.core.model.GraphInputs;
import io.mlecs.core.model.GraphSpec;
import io.mlecs.core.model.Objective;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.model.UnifiedModelGraph;
import io.mlecs.core.train.AdamOptimizer;
import io.mlecs.core.train.DeviceState;
import io.mlecs.core.train.ModelContext;
import io.mlecs.core.train.ModelFactory;
import io.mlecs.core.train.StageTrainer;
import io.mlecs.core.train.TrainableSets;
import io.mlecs.core.util.Seeds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One device's round (Alg. 1 lines 4-10): adopt the global LoRA, CCL on the device's view of the
 * public data with the server's fused representations as anchors, AMT on the private data,
 * evaluate on the private test split, upload LoRA and |M_j|. A pure function of (context, data,
 * state, broadcast, seed).
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
    p.assignFrom(ModelFactory.initialLora(ctx.config().device(), ctx.config().seed()));
    return new DeviceState(p, new ParamStore());
  }

  public Result run(DeviceData data, List<Sample> publicTrain, DeviceState previous,
      RoundBroadcast broadcast) {
    int round = broadcast.round();
    int id = data.deviceId();
    long seed = ctx.config().seed();
    DeviceState state = previous.copy();
    ParamStore own = state.params();
    if (method.collaborate()) {
      own.assignFrom(broadcast.globalLora());
    }
    ParamStore all = new ParamStore();
    ctx.deviceBase().asMap().forEach(all::put);
    own.asMap().forEach(all::put);
    AdamOptimizer adam = new AdamOptimizer(state.optimizer());
    var train = ctx.config().train();
    Map<String, Double> values = new HashMap<>();
    Map<String, Long> down = new HashMap<>();
    if (method.collaborate()) {
      down.put("lora", broadcast.loraBytes());
    }
    if (method.deviceCcl()) {
      List<Sample> view = new ArrayList<>();
      for (Sample s : publicTrain) {
        view.add(s.restrictTo(data.modalityMask()));
      }
      down.put("fused", (long) view.size() * ctx.config().device().latentDim() * 4L);
      GraphSpec spec = GraphSpec.of(ctx.deviceShape(), data.modalityMask(), Objective.CCL_DEVICE)
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
      double l = new StageTrainer(g, ctx.deviceEncoder()).batchSize(train.batchSize()).train(all,
          adam, view, TrainableSets.deviceCcl(own), train.cclEpochs(), train.learningRate(),
          Seeds.derive(seed, round, id, Seeds.Purpose.DEVICE_CCL), anchors);
      values.put("ccl_loss", l);
    }
    GraphSpec amtSpec = GraphSpec.of(ctx.deviceShape(), data.modalityMask(), Objective.LM)
        .withDropout(ctx.config().device().loraDropout() > 0);
    UnifiedModelGraph amt = UnifiedModelGraph.build(amtSpec, all, DataType.FLOAT);
    double amtLoss = new StageTrainer(amt, ctx.deviceEncoder()).batchSize(train.batchSize())
        .train(all, adam, data.train(), TrainableSets.deviceAmt(own), train.amtEpochs(),
            train.learningRate(), Seeds.derive(seed, round, id, Seeds.Purpose.DEVICE_AMT),
            StageTrainer.Extras.none());
    values.put("amt_loss", amtLoss);
    values.putAll(Evaluation.evaluate(ctx, ctx.deviceShape(), data.modalityMask(), all,
        data.test(), train.evalMaxSamples(), scorer));
    ParamStore lora = own.copyOf(ParamStore.LORA);
    DeviceUpdate update = new DeviceUpdate(id, data.modalityCount(), lora);
    Map<String, Long> up = new HashMap<>();
    if (method.collaborate()) {
      up.put("lora", lora.count() * 4L);
      up.put("count", 4L);
    }
    return new Result(update, state, new DeviceMetrics(id, round, values, down, up));
  }
}
