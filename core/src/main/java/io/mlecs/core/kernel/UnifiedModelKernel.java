package io.mlecs.core.kernel;

import io.mlecs.core.config.ModelConfig;
import io.mlecs.core.data.Modality;
import io.mlecs.core.model.GraphInputs;
import io.mlecs.core.model.GraphSpec;
import io.mlecs.core.model.Objective;
import io.mlecs.core.model.ParamNames;
import io.mlecs.core.model.ParamStore;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The loss and gradients of the unified model's training objectives written out by hand: the
 * same function as the SameDiff graph of {@link io.mlecs.core.model.UnifiedModelGraph} for
 * {@link Objective#LM} (AMT and every method's local tuning), {@link Objective#CCL_DEVICE},
 * {@link Objective#CCL_SERVER_KT} and {@link Objective#LM_KT} (checked against it and against
 * finite differences), computed with one BLAS product per matrix product and plain loops for the
 * element-wise work, on buffers allocated once per batch size. SameDiff spends most of a device
 * step on bookkeeping between its ~380 ops (docs/performance.md); this path has none. Backbone
 * pretraining (LM with every backbone tensor trainable and the soft tokens fed) is computed too.
 *
 * <p>Placeholders are the graph's ({@link GraphInputs}), so a trainer feeds both the same map.
 * Gradients are computed for the encoders, the connector, the LoRA factors and (contrastive
 * objectives) the temperature, or, when pretraining, for the backbone (frozen otherwise). The
 * returned arrays belong to the kernel and are overwritten by the next call.
 */
public final class UnifiedModelKernel {
  private final GraphSpec spec;
  private final List<Modality> owned;
  private final ModelConfig c;
  /** Sequence length T, tokens fed per sample, target positions, d, soft tokens P. */
  private final int t;
  private final int tx;
  private final int tt;
  private final int d;
  private final int prompt;
  private final Map<Integer, LmWorkspace> workspaces = new HashMap<>();
  private final Map<String, INDArray> gradients = new HashMap<>();
  private final Map<String, Mat> gradientMats = new HashMap<>();
  private final Map<String, Wrapped> params = new HashMap<>();

  /** Loss and the gradients of the requested parameters. */
  public record Result(double loss, Map<String, INDArray> gradients) {}

  /**
   * Whether the kernel computes the objective of {@code spec} here: objective LM, not
   * pretraining, and ND4J on its CPU backend (the kernel reads and writes the arrays' host
   * memory and calls the CPU BLAS; on a GPU backend the SameDiff graph runs).
   */
  public static boolean supports(GraphSpec spec) {
    return spec.objective().hasLoss() && onCpuBackend()
        && (!spec.pretrain() || spec.objective() == Objective.LM);
  }

  /** Whether ND4J runs on its CPU backend (the kernel works on host memory and the CPU BLAS). */
  public static boolean onCpuBackend() {
    return Nd4j.getEnvironment().isCPU();
  }

  /**
   * Whether the kernel has a gradient for parameter {@code name} under {@code spec}: the
   * backbone's tensors when pretraining, else encoders, connector, LoRA and (contrastive
   * objectives) the temperature.
   */
  public static boolean computesGradientOf(GraphSpec spec, String name) {
    if (spec.pretrain()) {
      return name.startsWith(ParamStore.BASE);
    }
    return name.startsWith(ParamStore.ENCODER) || name.startsWith(ParamStore.CONNECTOR)
        || name.startsWith(ParamStore.LORA)
        || (name.equals(ParamNames.LOG_TAU) && spec.objective().contrastive());
  }

  /** @param owned the model's modalities in dataset order (the graph's {@code modalities()}) */
  public UnifiedModelKernel(GraphSpec spec, List<Modality> owned) {
    if (!supports(spec)) {
      throw new IllegalArgumentException("the kernel computes the training objectives (and "
          + "LM pretraining) on ND4J's CPU backend, got " + spec.objective()
          + (spec.pretrain() ? " (pretraining)" : "") + " on "
          + (Nd4j.getEnvironment().isCPU() ? "CPU" : "a GPU backend"));
    }
    this.spec = spec;
    this.owned = List.copyOf(owned);
    this.c = spec.shape().config();
    this.t = spec.shape().sequenceLength();
    this.tx = spec.shape().tokenLength();
    this.tt = spec.shape().targetLength();
    this.d = c.dModel();
    this.prompt = c.promptTokens();
  }

  /** Loss of one minibatch and its gradient with respect to {@code trainable}. */
  public Result lossAndGradients(ParamStore p, Map<String, INDArray> ph, List<String> trainable) {
    for (String name : trainable) {
      if (!computesGradientOf(spec, name) || !p.contains(name)) {
        throw new IllegalArgumentException("the kernel has no gradient for parameter '"
            + name + "' (objective " + spec.objective() + ")");
      }
    }
    INDArray tokens = required(ph, GraphInputs.TOKENS);
    int batch = Math.toIntExact(tokens.length() / spec.shape().tokenLength());
    LmWorkspace w = workspace(p, batch);
    boolean connectorPath = trainable.stream().anyMatch(
        n -> n.startsWith(ParamStore.ENCODER) || n.startsWith(ParamStore.CONNECTOR));
    Mat mask = spec.pretrain() ? null : Mat.of(required(ph, GraphInputs.MASK));
    softTokens(p, ph, mask, w);
    double loss = 0;
    if (spec.objective().contrastive()) {
      loss += contrastive(p, ph, w);
    }
    loss += backbone(p, ph, tokens.toIntVector(), w);
    if (connectorPath) {
      connectorBackward(p, ph, mask, w);
    }
    Map<String, INDArray> out = new LinkedHashMap<>();
    for (String name : trainable) {
      out.put(name, gradients.get(name));
    }
    return new Result(loss, out);
  }

  // ---------------------------------------------------------------- forward only (inference)

  /**
   * A kernel for the forward passes of {@code spec}'s model whatever its objective (inference
   * graphs have none): the same function as the graph's outputs, without LoRA dropout.
   */
  public static UnifiedModelKernel forInference(GraphSpec spec, List<Modality> owned) {
    return new UnifiedModelKernel(new GraphSpec(spec.shape(), spec.modalityMask(), Objective.LM,
        -1, false, false, spec.ktWeight(), spec.ktTemperature(), spec.volumeEps()), owned);
  }

  /** The logits at the target positions, [B * targetLength, V] (teacher forcing); a new array. */
  public INDArray logits(ParamStore p, Map<String, INDArray> ph) {
    LmWorkspace w = forward(p, ph);
    return w.logits.array().dup();
  }

  /** The supervised LM loss of the fed labels and weights (no gradients). */
  public double lmLoss(ParamStore p, Map<String, INDArray> ph) {
    LmWorkspace w = forward(p, ph);
    return MaskedCrossEntropy.forwardBackward(w.logits, Mat.of(required(ph, GraphInputs.LABELS)),
        Mat.of(required(ph, GraphInputs.LABEL_WEIGHTS)), w.dlogits);
  }

  /** The fused representation s of every sample, [B, d_s] (features and mask only); a new array. */
  public INDArray fused(ParamStore p, Map<String, INDArray> ph) {
    if (spec.pretrain()) {
      throw new IllegalStateException("a pretraining model has no connector");
    }
    Mat mask = Mat.of(required(ph, GraphInputs.MASK));
    LmWorkspace w = workspace(p, mask.rows());
    connectorForward(p, ph, mask, w);
    return w.fused.array().dup();
  }

  private LmWorkspace forward(ParamStore p, Map<String, INDArray> ph) {
    INDArray tokens = required(ph, GraphInputs.TOKENS);
    int batch = Math.toIntExact(tokens.length() / spec.shape().tokenLength());
    LmWorkspace w = workspace(p, batch);
    softTokens(p, ph, spec.pretrain() ? null : Mat.of(required(ph, GraphInputs.MASK)), w);
    forwardLogits(p, ph, tokens.toIntVector(), w);
    return w;
  }

  private LmWorkspace workspace(ParamStore p, int batch) {
    DataType dt = p.get(ParamNames.TOKEN_EMBEDDING).dataType();
    LmWorkspace w = workspaces.get(batch);
    if (w == null || w.dt != dt) {
      w = new LmWorkspace(spec.shape(), owned.stream().mapToInt(Modality::dim).toArray(), batch,
          dt);
      workspaces.put(batch, w);
    }
    return w;
  }

  /** The soft tokens: fed when pretraining (zeros), else from the encoders and connector. */
  private void softTokens(ParamStore p, Map<String, INDArray> ph, Mat mask, LmWorkspace w) {
    if (spec.pretrain()) {
      // [B, P, d] as [B, P * d]
      copy(Mat.of(required(ph, GraphInputs.SOFT).reshape(w.batch,
          (long) c.promptTokens() * c.dModel())), w.soft);
    } else {
      connectorForward(p, ph, mask, w);
    }
  }

  private static INDArray required(Map<String, INDArray> ph, String name) {
    INDArray a = ph.get(name);
    if (a == null) {
      throw new IllegalArgumentException("placeholder '" + name + "' is missing");
    }
    return a;
  }

  /** The parameter as a matrix; wrappers are kept while the store holds the same array. */
  private Mat param(ParamStore p, String name) {
    INDArray a = p.get(name);
    Wrapped w = params.get(name);
    if (w == null || w.source() != a) {
      w = new Wrapped(a, Mat.of(a));
      params.put(name, w);
    }
    return w.mat();
  }

  /** A parameter array and its matrix view. */
  private record Wrapped(INDArray source, Mat mat) {}

  /** The gradient buffer of parameter {@code name} (allocated on first use). */
  private Mat grad(ParamStore p, String name) {
    INDArray g = gradients.get(name);
    INDArray param = p.get(name);
    if (g == null || g.dataType() != param.dataType() || !g.equalShapes(param)) {
      g = Nd4j.create(param.dataType(), param.shape());
      gradients.put(name, g);
      gradientMats.put(name, Mat.of(g));
    }
    return gradientMats.get(name);
  }

  // ---------------------------------------------------------------- connector: E and C

  private void connectorForward(ParamStore p, Map<String, INDArray> ph, Mat mask, LmWorkspace w) {
    int k = owned.size();
    w.mean.fill(0.0);
    for (int b = 0; b < w.batch; b++) {
      double present = 0;
      for (int i = 0; i < k; i++) {
        present += mask.get(b * k + i);
      }
      w.count[b] = Math.max(present, 1.0);
    }
    for (int i = 0; i < k; i++) {
      String m = owned.get(i).name();
      LmWorkspace.Branch br = w.branches[i];
      Dense.forward(Mat.of(required(ph, GraphInputs.feature(m))),
          param(p, ParamNames.encoder(m, "w1")), param(p, ParamNames.encoder(m, "b1")), br.a1);
      Gelu.forward(br.a1, br.h1, br.h1sig);
      Dense.forward(br.h1, param(p, ParamNames.encoder(m, "w2")),
          param(p, ParamNames.encoder(m, "b2")), br.e);
      Dense.forward(br.e, param(p, ParamNames.projector(m, "w")),
          param(p, ParamNames.projector(m, "b")), br.proj);
      int s = br.proj.cols;
      for (int b = 0; b < w.batch; b++) {
        double weight = mask.get(b * k + i) / w.count[b];
        for (int j = 0; j < s; j++) {
          w.mean.add(b * s + j, br.proj.get(b * s + j) * weight);
        }
      }
    }
    Dense.forward(w.mean, param(p, ParamNames.fusion("w1")), param(p, ParamNames.fusion("b1")),
        w.f1pre);
    Gelu.forward(w.f1pre, w.f1, w.f1sig);
    Dense.forward(w.f1, param(p, ParamNames.fusion("w2")), param(p, ParamNames.fusion("b2")),
        w.fused);
    Dense.forward(w.fused, param(p, ParamNames.softPrompt("w1")),
        param(p, ParamNames.softPrompt("b1")), w.gpre);
    Gelu.forward(w.gpre, w.g, w.gsig);
    Dense.forward(w.g, param(p, ParamNames.softPrompt("w2")),
        param(p, ParamNames.softPrompt("b2")), w.soft);
  }

  private void connectorBackward(ParamStore p, Map<String, INDArray> ph, Mat mask,
      LmWorkspace w) {
    denseBackward(p, w.g, w.dsoft, ParamNames.softPrompt("w2"), ParamNames.softPrompt("b2"),
        w.dg);
    Gelu.backward(w.gpre, w.gsig, w.dg, w.dg);
    denseBackward(p, w.fused, w.dg, ParamNames.softPrompt("w1"), ParamNames.softPrompt("b1"),
        w.dfused);
    denseBackward(p, w.f1, w.dfused, ParamNames.fusion("w2"), ParamNames.fusion("b2"), w.df1);
    Gelu.backward(w.f1pre, w.f1sig, w.df1, w.df1);
    denseBackward(p, w.mean, w.df1, ParamNames.fusion("w1"), ParamNames.fusion("b1"), w.dmean);
    int k = owned.size();
    for (int i = 0; i < k; i++) {
      String m = owned.get(i).name();
      LmWorkspace.Branch br = w.branches[i];
      int s = br.proj.cols;
      for (int b = 0; b < w.batch; b++) {
        double weight = mask.get(b * k + i) / w.count[b];
        for (int j = 0; j < s; j++) {
          double contrastive = spec.objective().contrastive()
              ? br.dprojContrastive.get(b * s + j) : 0.0;
          br.dproj.set(b * s + j, w.dmean.get(b * s + j) * weight + contrastive);
        }
      }
      denseBackward(p, br.e, br.dproj, ParamNames.projector(m, "w"),
          ParamNames.projector(m, "b"), br.de);
      denseBackward(p, br.h1, br.de, ParamNames.encoder(m, "w2"), ParamNames.encoder(m, "b2"),
          br.da1);
      Gelu.backward(br.a1, br.h1sig, br.da1, br.da1);
      Dense.backwardParams(Mat.of(required(ph, GraphInputs.feature(m))), br.da1,
          grad(p, ParamNames.encoder(m, "w1")), grad(p, ParamNames.encoder(m, "b1")));
    }
  }

  /** Gradients of the layer x W + b from dy: dW, db, and dx = dy W^T. */
  private void denseBackward(ParamStore p, Mat x, Mat dy, String weight, String bias, Mat dx) {
    Dense.backwardParams(x, dy, grad(p, weight), grad(p, bias));
    Dense.backwardInput(dy, param(p, weight), dx, 0.0);
  }

  // ---------------------------------------------------------------- contrastive term

  /**
   * The Gram-volume contrastive loss of the projections: device CCL anchors each sample on the
   * fed (server) representation, the server LLM on one of its own modalities. Writes the
   * projections' gradients into the branches' {@code dprojContrastive} and the temperature's.
   */
  private double contrastive(ParamStore p, Map<String, INDArray> ph, LmWorkspace w) {
    int k = owned.size();
    boolean deviceAnchor = spec.objective().usesDeviceAnchor();
    int anchor = -1;
    if (!deviceAnchor) {
      String name = spec.shape().dataset().modalities().get(spec.anchorModality()).name();
      for (int i = 0; i < k; i++) {
        if (owned.get(i).name().equals(name)) {
          anchor = i;
        }
      }
    }
    int others = deviceAnchor ? k : k - 1;
    Mat[] vectors = new Mat[others + 1];
    Mat[] grads = new Mat[others + 1];
    vectors[0] = deviceAnchor ? Mat.of(required(ph, GraphInputs.ANCHOR))
        : w.branches[anchor].proj;
    grads[0] = deviceAnchor ? null : w.branches[anchor].dprojContrastive;
    int n = 1;
    for (int i = 0; i < k; i++) {
      w.branches[i].dprojContrastive.fill(0.0);
      if (i != anchor) {
        vectors[n] = w.branches[i].proj;
        grads[n++] = w.branches[i].dprojContrastive;
      }
    }
    double[] dLogTau = new double[1];
    double loss = w.contrastive(others, spec.volumeEps()).forwardBackward(vectors, grads,
        Mat.of(required(ph, GraphInputs.CONTRASTIVE_TARGETS)),
        p.get(ParamNames.LOG_TAU).getDouble(0), dLogTau);
    if (p.contains(ParamNames.LOG_TAU)) {
      grad(p, ParamNames.LOG_TAU).set(0, dLogTau[0]);
    }
    return loss;
  }

  // ---------------------------------------------------------------- backbone B with LoRA

  /** Loss of the backbone's output and the backward pass down to the soft tokens. */
  private double backbone(ParamStore p, Map<String, INDArray> ph, int[] tokens, LmWorkspace w) {
    forwardLogits(p, ph, tokens, w);
    return lossAndBackward(p, ph, tokens, w);
  }

  /** The residual stream from the soft tokens and token ids, the blocks, the logits. */
  private void forwardLogits(ParamStore p, Map<String, INDArray> ph, int[] tokens,
      LmWorkspace w) {
    Mat emb = param(p, ParamNames.TOKEN_EMBEDDING);
    Mat pos = param(p, ParamNames.POSITION_EMBEDDING);
    Mat x0 = w.x[0];
    for (int b = 0; b < w.batch; b++) {
      for (int i = 0; i < t; i++) {
        int row = (b * t + i) * d;
        for (int j = 0; j < d; j++) {
          double v = i < prompt ? w.soft.get(b * prompt * d + i * d + j)
              : emb.get(tokens[b * tx + i - prompt], j);
          x0.set(row + j, v + pos.get(i, j));
        }
      }
    }
    for (int l = 0; l < c.layers(); l++) {
      blockForward(p, ph, l, w.x[l], w.blocks[l], w.x[l + 1]);
    }
    Mat xl = w.x[c.layers()];
    LayerNorm.forward(xl, param(p, ParamNames.FINAL_NORM_GAIN),
        param(p, ParamNames.FINAL_NORM_BIAS), w.outF, w.xhatF, w.rstdF);
    for (int b = 0; b < w.batch; b++) {
      for (int j = 0; j < tt; j++) {
        int src = (b * t + t - tt + j) * d;
        int dst = (b * tt + j) * d;
        for (int col = 0; col < d; col++) {
          w.target.set(dst + col, w.outF.get(src + col));
        }
      }
    }
    Mat.gemm(w.target, false, emb, true, w.logits, 0.0);
  }

  /** LM loss (plus the teacher's term) of the logits and its backward pass. */
  private double lossAndBackward(ParamStore p, Map<String, INDArray> ph, int[] tokens,
      LmWorkspace w) {
    Mat weights = Mat.of(required(ph, GraphInputs.LABEL_WEIGHTS));
    Mat emb = param(p, ParamNames.TOKEN_EMBEDDING);
    double loss = MaskedCrossEntropy.forwardBackward(w.logits,
        Mat.of(required(ph, GraphInputs.LABELS)), weights, w.dlogits);
    if (spec.objective().usesTeacher()) {
      loss += KnowledgeTransfer.forwardBackwardAdd(w.logits,
          Mat.of(required(ph, GraphInputs.TEACHER)), weights,
          required(ph, GraphInputs.BATCH).getDouble(0), spec.ktTemperature(), spec.ktWeight(),
          w.dlogits);
    }
    // backward: target rows -> final norm -> blocks in reverse -> soft tokens
    Mat.gemm(w.dlogits, false, emb, false, w.dtarget, 0.0);
    boolean base = spec.pretrain();
    if (base) {
      // tied embedding, output side: dE = dlogits^T target (the lookup side is added below)
      Mat.gemm(w.dlogits, true, w.target, false, grad(p, ParamNames.TOKEN_EMBEDDING), 0.0);
    }
    w.dout.fill(0.0);
    for (int b = 0; b < w.batch; b++) {
      for (int j = 0; j < tt; j++) {
        int dst = (b * t + t - tt + j) * d;
        int src = (b * tt + j) * d;
        for (int col = 0; col < d; col++) {
          w.dout.set(dst + col, w.dtarget.get(src + col));
        }
      }
    }
    w.dx.fill(0.0);
    LayerNorm.backwardAdd(w.dout, param(p, ParamNames.FINAL_NORM_GAIN), w.xhatF, w.rstdF, w.dx);
    if (base) {
      LayerNorm.paramGradients(w.dout, w.xhatF, grad(p, ParamNames.FINAL_NORM_GAIN),
          grad(p, ParamNames.FINAL_NORM_BIAS));
    }
    for (int l = c.layers() - 1; l >= 0; l--) {
      blockBackward(p, ph, l, w.blocks[l], w);
    }
    if (base) {
      embeddingGradients(p, tokens, w);
    }
    for (int b = 0; b < w.batch; b++) {
      for (int i = 0; i < prompt; i++) {
        for (int j = 0; j < d; j++) {
          w.dsoft.set(b * prompt * d + i * d + j, w.dx.get((b * t + i) * d + j));
        }
      }
    }
    return loss;
  }

  private void blockForward(ParamStore p, Map<String, INDArray> ph, int l, Mat x,
      LmWorkspace.Block blk, Mat out) {
    LayerNorm.forward(x, param(p, ParamNames.block(l, "ln1.g")),
        param(p, ParamNames.block(l, "ln1.b")), blk.h1, blk.xhat1, blk.rstd1);
    loraForward(p, ph, l, 'q', blk.h1, blk.hq, blk.uq, blk.q);
    Dense.forward(blk.h1, param(p, ParamNames.block(l, "attn.wk")), null, blk.k);
    loraForward(p, ph, l, 'v', blk.h1, blk.hv, blk.uv, blk.v);
    blk.attention.forward(blk.q, blk.k, blk.v, blk.ctx);
    // xMid = x + ctx Wo
    copy(x, blk.xMid);
    Mat.gemm(blk.ctx, false, param(p, ParamNames.block(l, "attn.wo")), false, blk.xMid, 1.0);
    LayerNorm.forward(blk.xMid, param(p, ParamNames.block(l, "ln2.g")),
        param(p, ParamNames.block(l, "ln2.b")), blk.h2, blk.xhat2, blk.rstd2);
    Dense.forward(blk.h2, param(p, ParamNames.block(l, "mlp.w1")),
        param(p, ParamNames.block(l, "mlp.b1")), blk.m1pre);
    Gelu.forward(blk.m1pre, blk.m1, blk.m1sig);
    // out = xMid + m1 W2 + b2
    copy(blk.xMid, out);
    Mat.gemm(blk.m1, false, param(p, ParamNames.block(l, "mlp.w2")), false, out, 1.0);
    Dense.addRow(out, param(p, ParamNames.block(l, "mlp.b2")));
  }

  /**
   * Pretraining: the position embedding's gradient (w.dx summed over the batch per position) and
   * the token embedding's lookup side (w.dx of each token position added to its token's row).
   */
  private void embeddingGradients(ParamStore p, int[] tokens, LmWorkspace w) {
    Mat dpos = grad(p, ParamNames.POSITION_EMBEDDING);
    Mat demb = grad(p, ParamNames.TOKEN_EMBEDDING);
    dpos.fill(0.0);
    for (int b = 0; b < w.batch; b++) {
      for (int i = 0; i < t; i++) {
        int row = (b * t + i) * d;
        int tokenRow = i < prompt ? -1 : tokens[b * tx + i - prompt] * d;
        for (int j = 0; j < d; j++) {
          double g = w.dx.get(row + j);
          dpos.add(i * d + j, g);
          if (tokenRow >= 0) {
            demb.add(tokenRow + j, g);
          }
        }
      }
    }
  }

  /** y = h W + ((h o D) A) B, D the fed dropout mask (carrying the LoRA scale) or the scale. */
  private void loraForward(ParamStore p, Map<String, INDArray> ph, int l, char proj, Mat h,
      Mat hd, Mat u, Mat y) {
    Dense.forward(h, param(p, ParamNames.block(l, "attn.w" + proj)), null, y);
    if (spec.pretrain()) {
      return;
    }
    scaleInput(ph, l, proj, h, hd);
    Mat.gemm(hd, false, param(p, ParamNames.lora(l, proj, 'a')), false, u, 0.0);
    Mat.gemm(u, false, param(p, ParamNames.lora(l, proj, 'b')), false, y, 1.0);
  }

  /** out = in o D (the dropout mask placeholder) or in x alpha / r without dropout. */
  private void scaleInput(Map<String, INDArray> ph, int l, char proj, Mat in, Mat out) {
    if (spec.loraDropout()) {
      Mat mask = Mat.of(required(ph, GraphInputs.dropout(l, proj)));
      for (int i = 0, n = in.length(); i < n; i++) {
        out.set(i, in.get(i) * mask.get(i));
      }
    } else {
      double scale = c.loraScale();
      for (int i = 0, n = in.length(); i < n; i++) {
        out.set(i, in.get(i) * scale);
      }
    }
  }

  /** Back-propagates w.dx (the gradient at the block's output) to the block's input. */
  private void blockBackward(ParamStore p, Map<String, INDArray> ph, int l,
      LmWorkspace.Block blk, LmWorkspace w) {
    boolean base = spec.pretrain();
    // MLP branch: out = xMid + gelu(LN2(xMid) W1 + b1) W2 + b2
    if (base) {
      Dense.backwardParams(blk.m1, w.dx, grad(p, ParamNames.block(l, "mlp.w2")),
          grad(p, ParamNames.block(l, "mlp.b2")));
    }
    Dense.backwardInput(w.dx, param(p, ParamNames.block(l, "mlp.w2")), w.dm1, 0.0);
    Gelu.backward(blk.m1pre, blk.m1sig, w.dm1, w.dm1);
    if (base) {
      Dense.backwardParams(blk.h2, w.dm1, grad(p, ParamNames.block(l, "mlp.w1")),
          grad(p, ParamNames.block(l, "mlp.b1")));
    }
    Dense.backwardInput(w.dm1, param(p, ParamNames.block(l, "mlp.w1")), w.dh, 0.0);
    if (base) {
      LayerNorm.paramGradients(w.dh, blk.xhat2, grad(p, ParamNames.block(l, "ln2.g")),
          grad(p, ParamNames.block(l, "ln2.b")));
    }
    LayerNorm.backwardAdd(w.dh, param(p, ParamNames.block(l, "ln2.g")), blk.xhat2, blk.rstd2,
        w.dx);
    // attention branch: xMid = x + attn(LN1(x)) Wo
    if (base) {
      Dense.backwardParams(blk.ctx, w.dx, grad(p, ParamNames.block(l, "attn.wo")), null);
    }
    Dense.backwardInput(w.dx, param(p, ParamNames.block(l, "attn.wo")), w.dctx, 0.0);
    blk.attention.backward(w.dctx, w.dq, w.dk, w.dv);
    Dense.backwardInput(w.dq, param(p, ParamNames.block(l, "attn.wq")), w.dh, 0.0);
    Dense.backwardInput(w.dk, param(p, ParamNames.block(l, "attn.wk")), w.dh, 1.0);
    Dense.backwardInput(w.dv, param(p, ParamNames.block(l, "attn.wv")), w.dh, 1.0);
    if (base) {
      Dense.backwardParams(blk.h1, w.dq, grad(p, ParamNames.block(l, "attn.wq")), null);
      Dense.backwardParams(blk.h1, w.dk, grad(p, ParamNames.block(l, "attn.wk")), null);
      Dense.backwardParams(blk.h1, w.dv, grad(p, ParamNames.block(l, "attn.wv")), null);
      LayerNorm.paramGradients(w.dh, blk.xhat1, grad(p, ParamNames.block(l, "ln1.g")),
          grad(p, ParamNames.block(l, "ln1.b")));
    } else {
      loraBackward(p, ph, l, 'q', blk.hq, blk.uq, w.dq, w);
      loraBackward(p, ph, l, 'v', blk.hv, blk.uv, w.dv, w);
    }
    LayerNorm.backwardAdd(w.dh, param(p, ParamNames.block(l, "ln1.g")), blk.xhat1, blk.rstd1,
        w.dx);
  }

  /** dB = u^T dy, dA = (h o D)^T (dy B^T), and w.dh += ((dy B^T) A^T) o D. */
  private void loraBackward(ParamStore p, Map<String, INDArray> ph, int l, char proj, Mat hd,
      Mat u, Mat dy, LmWorkspace w) {
    String an = ParamNames.lora(l, proj, 'a');
    String bn = ParamNames.lora(l, proj, 'b');
    Mat.gemm(u, true, dy, false, grad(p, bn), 0.0);
    Mat.gemm(dy, false, param(p, bn), true, w.du, 0.0);
    Mat.gemm(hd, true, w.du, false, grad(p, an), 0.0);
    Mat.gemm(w.du, false, param(p, an), true, w.dlora, 0.0);
    scaleInput(ph, l, proj, w.dlora, w.dlora);
    for (int i = 0, n = w.dh.length(); i < n; i++) {
      w.dh.add(i, w.dlora.get(i));
    }
  }

  private static void copy(Mat from, Mat to) {
    for (int i = 0, n = from.length(); i < n; i++) {
      to.set(i, from.get(i));
    }
  }
}
