package io.mlecs.core.server;

import io.mlecs.core.data.Sample;
import io.mlecs.core.loss.GramContrastiveLoss;
import io.mlecs.core.loss.LogitPooling;
import io.mlecs.core.model.GraphInputs;
import io.mlecs.core.model.GraphSpec;
import io.mlecs.core.model.ModelShape;
import io.mlecs.core.model.Objective;
import io.mlecs.core.model.ParamNames;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.model.UnifiedModelGraph;
import io.mlecs.core.train.AdamOptimizer;
import io.mlecs.core.train.Minibatches;
import io.mlecs.core.train.ModelContext;
import io.mlecs.core.train.ModelFactory;
import io.mlecs.core.train.ModelRunner;
import io.mlecs.core.train.StageTrainer;
import io.mlecs.core.train.TrainableSets;
import io.mlecs.core.util.Seeds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The server's side of a round: fused representations s' of the public data (Eq. 9), adoption of
 * the aggregated LoRA (MMA, Eq. 13, computed by the caller's accumulator) into the server SLM, and
 * SE-CCL (Eqs. 14-16): per minibatch of public data, the LLM trains with its CCL loss (anchor = one
 * of its modalities drawn at random per step) plus knowledge transfer from the SLM, then the SLM
 * trains with L_lb plus knowledge transfer from the LLM.
 */
public final class ServerStep {
  private final ModelContext ctx;

  public ServerStep(ModelContext ctx) {
    this.ctx = ctx;
  }

  /** Initial server state: omni-modal LLM and SLM, LoRA of the SLM = the round-1 global LoRA. */
  public ServerState initialState() {
    int full = ctx.dataset().fullMask();
    long seed = ctx.config().seed();
    ParamStore llm = ModelFactory.trainable(ctx.config().server(), ctx.dataset(), full,
        Seeds.derive(seed, 0, Seeds.SERVER, Seeds.Purpose.SERVER));
    llm.assignFrom(ModelFactory.initialLora(ctx.config().server(), seed + 17));
    ParamStore slm = ModelFactory.trainable(ctx.config().device(), ctx.dataset(), full,
        Seeds.derive(seed, 0, Seeds.SERVER - 1, Seeds.Purpose.SERVER));
    slm.assignFrom(ModelFactory.initialLora(ctx.config().device(), seed));
    return new ServerState(llm, new ParamStore(), slm, new ParamStore());
  }

  static ParamStore withBase(ParamStore base, ParamStore own) {
    ParamStore all = new ParamStore();
    base.asMap().forEach(all::put);
    own.asMap().forEach(all::put);
    return all;
  }

  /** s' for every public training sample, from the LLM's encoders and connector. */
  public Map<String, float[]> fusedRepresentations(ServerState s, List<Sample> publicTrain) {
    ParamStore all = withBase(ctx.serverBase(), s.llm());
    UnifiedModelGraph g = UnifiedModelGraph.build(GraphSpec.of(ctx.serverShape(),
        ctx.dataset().fullMask(), Objective.INFERENCE), all, DataType.FLOAT);
    float[][] f = new ModelRunner(g, ctx.serverEncoder(), all,
        ctx.config().train().stepEngine()).fused(publicTrain);
    Map<String, float[]> out = new HashMap<>();
    for (int i = 0; i < f.length; i++) {
      out.put(publicTrain.get(i).id(), f[i]);
    }
    return out;
  }

  /** SE-CCL for {@code epochs} epochs; returns mean LLM and SLM losses of the last epoch. */
  public Map<String, Double> seCcl(ServerState s, List<Sample> publicTrain, int round) {
    return seCcl(s, publicTrain, round, true);
  }

  /**
   * LLM/SLM mutual distillation on the public data. {@code contrastive}: the LLM's loss includes
   * its CCL term (SE-CCL, ML-ECS); false: the LLM trains L_lb + lambda L_kt only (Co-PLMs-style
   * mutual learning, no CCL anywhere). The SLM always trains L_lb + lambda L_kt.
   */
  public Map<String, Double> seCcl(ServerState s, List<Sample> publicTrain, int round,
      boolean contrastive) {
    var train = ctx.config().train();
    int full = ctx.dataset().fullMask();
    ParamStore llmAll = withBase(ctx.serverBase(), s.llm());
    ParamStore slmAll = withBase(ctx.deviceBase(), s.slm());
    ModelShape llmShape = ctx.serverShape();
    ModelShape slmShape = ctx.deviceShape();
    double t = train.ktTemperature();
    boolean drop = ctx.config().server().loraDropout() > 0;
    int numMod = ctx.dataset().numModalities();
    boolean llmCcl = contrastive && numMod >= 2;
    List<StageTrainer> llmTrainers = new ArrayList<>();
    for (int m = 0; m < (llmCcl ? numMod : 1); m++) {
      GraphSpec spec = new GraphSpec(llmShape, full, llmCcl ? Objective.CCL_SERVER_KT
          : Objective.LM_KT, llmCcl ? m : -1, false, drop, train.ktWeight(), t, 1e-6);
      llmTrainers.add(new StageTrainer(UnifiedModelGraph.build(spec, llmAll, DataType.FLOAT),
          ctx.serverEncoder()).engine(train.stepEngine()));
    }
    StageTrainer slmTrainer = new StageTrainer(UnifiedModelGraph.build(new GraphSpec(slmShape,
        full, Objective.LM_KT, -1, false, ctx.config().device().loraDropout() > 0,
        train.ktWeight(), t, 1e-6), slmAll, DataType.FLOAT), ctx.deviceEncoder())
        .engine(train.stepEngine());
    ModelRunner llmInfer = new ModelRunner(UnifiedModelGraph.build(GraphSpec.of(llmShape, full,
        Objective.INFERENCE), llmAll, DataType.FLOAT), ctx.serverEncoder(), llmAll,
        train.stepEngine());
    ModelRunner slmInfer = new ModelRunner(UnifiedModelGraph.build(GraphSpec.of(slmShape, full,
        Objective.INFERENCE), slmAll, DataType.FLOAT), ctx.deviceEncoder(), slmAll,
        train.stepEngine());
    AdamOptimizer llmAdam = new AdamOptimizer(s.llmOptimizer());
    AdamOptimizer slmAdam = new AdamOptimizer(s.slmOptimizer());
    List<String> llmVars = new ArrayList<>(TrainableSets.serverLlm(s.llm()));
    if (!llmCcl) {
      // the temperature only enters the contrastive term
      llmVars.remove(ParamNames.LOG_TAU);
    }
    List<String> slmVars = TrainableSets.serverSlm(s.slm());
    SplittableRandom r = new SplittableRandom(
        Seeds.derive(ctx.config().seed(), round, Seeds.SERVER, Seeds.Purpose.SERVER));
    int tt = ctx.dataset().maxTargetTokens();
    double llmSum = 0;
    double slmSum = 0;
    int n = 0;
    for (int e = 0; e < train.serverEpochs(); e++) {
      llmSum = 0;
      slmSum = 0;
      n = 0;
      for (List<Sample> batch : Minibatches.of(publicTrain, train.batchSize(), r.nextLong())) {
        int b = batch.size();
        float[][] slmTeacher = LogitPooling.softmax(
            LogitPooling.pool(slmInfer.targetLogits(batch), b, tt, tt), t);
        int anchor = r.nextInt(numMod);
        StageTrainer llm = llmTrainers.get(llmCcl ? anchor : 0);
        llmSum += llm.step(llmAll, llmAdam, batch, llmVars, train.learningRate(), r.nextLong(),
            (bb, ph) -> {
              ph.put(GraphInputs.TEACHER, Nd4j.create(slmTeacher));
              ph.put(GraphInputs.BATCH, Nd4j.createFromArray((float) b));
              if (llmCcl) {
                ph.put(GraphInputs.CONTRASTIVE_TARGETS, Nd4j.create(
                    GramContrastiveLoss.targets(b, train.labelSmoothing())).castTo(DataType.FLOAT));
              }
            });
        float[][] llmTeacher = LogitPooling.softmax(
            LogitPooling.pool(llmInfer.targetLogits(batch), b, tt, tt), t);
        slmSum += slmTrainer.step(slmAll, slmAdam, batch, slmVars, train.learningRate(),
            r.nextLong(), (bb, ph) -> {
              ph.put(GraphInputs.TEACHER, Nd4j.create(llmTeacher));
              ph.put(GraphInputs.BATCH, Nd4j.createFromArray((float) b));
            });
        n++;
      }
    }
    Map<String, Double> out = new HashMap<>();
    if (n > 0) {
      out.put("llm_loss", llmSum / n);
      out.put("slm_loss", slmSum / n);
    }
    return out;
  }
}
