package io.mlecs.core.model;

import io.mlecs.core.config.ModelConfig;
import io.mlecs.core.data.Modality;
import io.mlecs.core.loss.GramContrastiveLoss;
import io.mlecs.core.loss.GramVolume;
import io.mlecs.core.loss.KnowledgeTransferLoss;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds the SameDiff graph of the unified model M = {E, C, B}:
 *
 * <ul>
 *   <li>E: per modality, Linear(dim, e) - GELU - Linear(e, e);
 *   <li>C: per-modality projector Linear(e, d_s); fusion MLP over the masked mean of the present
 *       projections giving s; soft-prompt generator Linear(d_s, h) - GELU - Linear(h, P * d);
 *   <li>B: pre-norm causal transformer over [soft tokens; instruction; BOS; target], with LoRA
 *       W + (alpha / r) B A on the query and value projections; logits (tied to the token
 *       embedding) only at the target positions.
 * </ul>
 *
 * <p>Backbone weights ({@code base.*}) are graph constants, so no optimiser can touch them,
 * except in pretraining graphs where they are what is trained. Everything else is a variable;
 * which of them a stage updates is the trainer's choice. The arrays of {@code params} are used
 * as they are (not copied).
 */
public final class UnifiedModelGraph {
  private final SameDiff sd;
  private final GraphSpec spec;
  private final List<Modality> modalities;

  private UnifiedModelGraph(SameDiff sd, GraphSpec spec, List<Modality> modalities) {
    this.sd = sd;
    this.spec = spec;
    this.modalities = modalities;
  }

  public SameDiff sameDiff() {
    return sd;
  }

  public GraphSpec spec() {
    return spec;
  }

  /** The model's modalities, in dataset order (the column order of the presence mask). */
  public List<Modality> modalities() {
    return modalities;
  }

  public static UnifiedModelGraph build(GraphSpec spec, ParamStore params, DataType dt) {
    SameDiff sd = SameDiff.create();
    List<Modality> owned = new ArrayList<>();
    List<Modality> all = spec.shape().dataset().modalities();
    for (int m = 0; m < all.size(); m++) {
      if ((spec.modalityMask() & (1 << m)) != 0) {
        owned.add(all.get(m));
      }
    }
    Builder b = new Builder(sd, spec, params, dt);
    b.build(owned);
    return new UnifiedModelGraph(sd, spec, List.copyOf(owned));
  }

  /** Builder state for one graph. */
  private static final class Builder {
    private final SameDiff sd;
    private final GraphSpec spec;
    private final ParamStore params;
    private final DataType dt;
    private final ModelConfig c;

    Builder(SameDiff sd, GraphSpec spec, ParamStore params, DataType dt) {
      this.sd = sd;
      this.spec = spec;
      this.params = params;
      this.dt = dt;
      this.c = spec.shape().config();
    }

    SDVariable param(String name) {
      if (sd.hasVariable(name)) {
        return sd.getVariable(name);
      }
      INDArray arr = params.get(name);
      if (arr.dataType() != dt) {
        throw new IllegalStateException(
            "parameter '" + name + "' is " + arr.dataType() + ", graph is " + dt);
      }
      boolean frozen = name.startsWith(ParamStore.BASE) && !spec.pretrain();
      SDVariable v = frozen ? sd.constant(name, arr) : sd.var(name, arr);
      if (!frozen && sd.getArrForVarName(name) != arr) {
        // the optimiser updates the store's array in place; the graph must read that same array
        throw new IllegalStateException("SameDiff copied parameter '" + name
            + "' instead of sharing it (view=" + arr.isView() + ", order=" + arr.ordering() + ")");
      }
      return v;
    }

    /**
     * x W + b. Not xw_plus_b ({@code sd.nn().linear}): with it, M2.1's contrastive-loss gradients
     * no longer match finite differences (UnifiedModelGradientTest).
     */
    SDVariable linear(SDVariable x, String w, String bias) {
      return linear(null, x, w, bias);
    }

    /** x W + b whose output variable is {@code name} (no extra identity op). */
    SDVariable linear(String name, SDVariable x, String w, String bias) {
      if (bias == null) {
        return name == null ? x.mmul(param(w)) : sd.mmul(name, x, param(w));
      }
      SDVariable y = x.mmul(param(w));
      return name == null ? y.add(param(bias)) : sd.math().add(name, y, param(bias));
    }

    void build(List<Modality> owned) {
      int p = c.promptTokens();
      int d = c.dModel();
      SDVariable soft;
      List<SDVariable> projections = new ArrayList<>();
      if (spec.pretrain()) {
        soft = sd.placeHolder(GraphInputs.SOFT, dt, -1, p, d);
      } else {
        SDVariable mask = sd.placeHolder(GraphInputs.MASK, dt, -1, owned.size());
        SDVariable sum = null;
        for (int i = 0; i < owned.size(); i++) {
          Modality m = owned.get(i);
          SDVariable x = sd.placeHolder(GraphInputs.feature(m.name()), dt, -1, m.dim());
          SDVariable h = Activations.gelu(sd, linear(x, ParamNames.encoder(m.name(), "w1"),
              ParamNames.encoder(m.name(), "b1")));
          SDVariable e = linear(h, ParamNames.encoder(m.name(), "w2"),
              ParamNames.encoder(m.name(), "b2"));
          SDVariable proj = linear(GraphInputs.projection(m.name()), e,
              ParamNames.projector(m.name(), "w"), ParamNames.projector(m.name(), "b"));
          projections.add(proj);
          SDVariable present = owned.size() == 1 ? mask
              : mask.get(SDIndex.all(), SDIndex.interval(i, i + 1));
          SDVariable masked = proj.mul(present);
          sum = sum == null ? masked : sum.add(masked);
        }
        // (one modality: no reduction over a size-1 axis, which M2.1 executes with a null input)
        SDVariable present = owned.size() == 1 ? mask : mask.sum(true, 1);
        SDVariable count = sd.math().max(present, sd.constant(Nd4j.scalar(dt, 1.0)));
        SDVariable mean = sum.div(count);
        SDVariable f1 = Activations.gelu(sd, linear(mean, ParamNames.fusion("w1"), ParamNames.fusion("b1")));
        SDVariable fused = linear(GraphInputs.FUSED, f1, ParamNames.fusion("w2"),
            ParamNames.fusion("b2"));
        SDVariable g = Activations.gelu(sd,
            linear(fused, ParamNames.softPrompt("w1"), ParamNames.softPrompt("b1")));
        soft = linear(g, ParamNames.softPrompt("w2"), ParamNames.softPrompt("b2"))
            .reshape(-1, p, d);
      }
      SDVariable logits = backbone(soft);
      if (!spec.objective().hasLoss()) {
        return;
      }
      int vocab = spec.shape().vocabSize();
      SDVariable labels = sd.placeHolder(GraphInputs.LABELS, dt, -1, vocab);
      SDVariable weights = sd.placeHolder(GraphInputs.LABEL_WEIGHTS, dt, -1);
      SDVariable lm = sd.loss().softmaxCrossEntropy(GraphInputs.LM_LOSS, labels, logits, weights,
          LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT, 0.0);
      SDVariable loss = lm;
      if (spec.objective().contrastive()) {
        SDVariable contrastive = contrastive(owned, projections);
        loss = loss.add(contrastive);
      }
      if (spec.objective().usesTeacher()) {
        SDVariable teacher = sd.placeHolder(GraphInputs.TEACHER, dt, -1, vocab);
        SDVariable batch = sd.placeHolder(GraphInputs.BATCH, dt, 1);
        SDVariable kt = KnowledgeTransferLoss.build(sd, GraphInputs.KT_LOSS, logits, teacher,
            weights, batch, spec.ktTemperature());
        loss = loss.add(kt.mul(spec.ktWeight()));
      }
      sd.reshape(GraphInputs.LOSS, loss, 1);
      sd.setLossVariables(GraphInputs.LOSS);
    }

    SDVariable contrastive(List<Modality> owned, List<SDVariable> projections) {
      double eps = spec.volumeEps();
      SDVariable anchor;
      List<SDVariable> others = new ArrayList<>();
      if (spec.objective().usesDeviceAnchor()) {
        anchor = sd.placeHolder(GraphInputs.ANCHOR, dt, -1, c.latentDim());
        for (SDVariable pr : projections) {
          others.add(GramVolume.normalizeRows(sd, pr, eps));
        }
      } else {
        String anchorName = spec.shape().dataset().modalities().get(spec.anchorModality()).name();
        anchor = null;
        for (int i = 0; i < owned.size(); i++) {
          if (owned.get(i).name().equals(anchorName)) {
            anchor = projections.get(i);
          } else {
            others.add(GramVolume.normalizeRows(sd, projections.get(i), eps));
          }
        }
      }
      SDVariable anchorN = GramVolume.normalizeRows(sd, anchor, eps);
      SDVariable volume = GramVolume.volumeMatrix(sd, anchorN, others, eps);
      SDVariable targets = sd.placeHolder(GraphInputs.CONTRASTIVE_TARGETS, dt, -1, -1);
      return GramContrastiveLoss.symmetric(sd, GraphInputs.CONTRASTIVE_LOSS, volume,
          param(ParamNames.LOG_TAU), targets);
    }

    SDVariable backbone(SDVariable soft) {
      ModelShape shape = spec.shape();
      int d = c.dModel();
      int heads = c.heads();
      int dh = c.headDim();
      int tx = shape.tokenLength();
      int t = shape.sequenceLength();
      int tt = shape.targetLength();
      SDVariable tokens = sd.placeHolder(GraphInputs.TOKENS, DataType.INT, -1);
      SDVariable emb = param(ParamNames.TOKEN_EMBEDDING);
      // a trainable embedding (pretraining) is looked up as one-hot x E: M2.1 back-propagates
      // gather into a variable through a while loop that invokes a sub-graph per index (about a
      // second per step for a tiny model) and drops repeated indices' contributions
      // (PretrainGradientTest); matmul_bp is one op and exact. A frozen embedding is gathered.
      SDVariable lookup = spec.pretrain()
          ? sd.oneHot(tokens, shape.vocabSize(), -1, 1.0, 0.0, dt).mmul(emb)
          : sd.gather(emb, tokens, 0);
      SDVariable tokEmb = lookup.reshape(-1, tx, d);
      // the residual stream is kept as [B * T, d]: row-wise layer norms, projections and MLPs
      // need no reshape, only attention does
      SDVariable x = sd.concat(1, soft, tokEmb)
          .add(param(ParamNames.POSITION_EMBEDDING).reshape(1, t, d)).reshape(-1, d);
      SDVariable causal = sd.constant("causal_mask", causalMask(t));
      double scale = c.loraScale();
      for (int l = 0; l < c.layers(); l++) {
        SDVariable h = layerNorm(x, ParamNames.block(l, "ln1.g"), ParamNames.block(l, "ln1.b"));
        SDVariable q = loraProjection(h, l, 'q', ParamNames.block(l, "attn.wq"), scale);
        SDVariable k = h.mmul(param(ParamNames.block(l, "attn.wk")));
        SDVariable v = loraProjection(h, l, 'v', ParamNames.block(l, "attn.wv"), scale);
        SDVariable q4 = q.reshape(-1, t, heads, dh).permute(0, 2, 1, 3);
        SDVariable k4 = k.reshape(-1, t, heads, dh).permute(0, 2, 1, 3);
        SDVariable v4 = v.reshape(-1, t, heads, dh).permute(0, 2, 1, 3);
        SDVariable scores = sd.mmul(q4, k4, false, true, false).mul(1.0 / Math.sqrt(dh))
            .add(causal);
        SDVariable att = sd.nn().softmax(scores, 3);
        SDVariable ctx = sd.mmul(att, v4).permute(0, 2, 1, 3).reshape(-1, d);
        x = x.add(ctx.mmul(param(ParamNames.block(l, "attn.wo"))));
        SDVariable h2 = layerNorm(x, ParamNames.block(l, "ln2.g"), ParamNames.block(l, "ln2.b"));
        SDVariable mlp = Activations.gelu(sd, linear(h2, ParamNames.block(l, "mlp.w1"),
            ParamNames.block(l, "mlp.b1")));
        mlp = linear(mlp, ParamNames.block(l, "mlp.w2"), ParamNames.block(l, "mlp.b2"));
        x = x.add(mlp);
      }
      SDVariable out = layerNorm(x, ParamNames.FINAL_NORM_GAIN, ParamNames.FINAL_NORM_BIAS)
          .reshape(-1, t, d);
      SDVariable target = out.get(SDIndex.all(), SDIndex.interval(t - tt, t), SDIndex.all())
          .reshape(-1, d);
      return sd.mmul(GraphInputs.LOGITS, target, emb, false, true, false);
    }

    SDVariable loraProjection(SDVariable h, int layer, char proj, String base, double scale) {
      SDVariable y = h.mmul(param(base));
      if (spec.pretrain()) {
        return y;
      }
      SDVariable a = param(ParamNames.lora(layer, proj, 'a'));
      SDVariable b = param(ParamNames.lora(layer, proj, 'b'));
      if (spec.loraDropout()) {
        // the fed mask already carries the LoRA scale (alpha / r) * keep / (1 - p): one op less
        // forward and backward than scaling delta
        SDVariable mask = sd.placeHolder(GraphInputs.dropout(layer, proj), dt, -1, c.dModel());
        return y.add(h.mul(mask).mmul(a).mmul(b));
      }
      return y.add(h.mmul(a).mmul(b).mul(scale));
    }

    /**
     * Layer norm over the last axis of a [N, d] input: (x - mean) / sqrt(var + 1e-5) * g + b, var
     * the biased variance. Mean and variance come from ONE {@code moments} op (four ops fewer per
     * norm, forward and backward, than mean / square / mean); not from {@code variance}, whose
     * M2.1 gradient is wrong, and not from the fused {@code layer_norm} op, which has no eps. The
     * [N, d] by [N, 1] step is a division by the standard deviation, not a product with its
     * reciprocal: M2.1's broadcasting {@code multiply_bp} costs ~0.4 ms at [272, 64] where
     * {@code divide_bp} costs ~0.07 ms (docs/performance.md).
     */
    SDVariable layerNorm(SDVariable x, String gain, String bias) {
      SDVariable[] moments = sd.math().moments(x, new int[] {1}, true);
      SDVariable norm = x.sub(moments[0]).div(sd.math().sqrt(moments[1].add(1e-5)));
      return norm.mul(param(gain)).add(param(bias));
    }

    INDArray causalMask(int t) {
      double[][] m = new double[t][t];
      for (int i = 0; i < t; i++) {
        for (int j = i + 1; j < t; j++) {
          m[i][j] = -1e9;
        }
      }
      return Nd4j.create(m).castTo(dt);
    }
  }
}
