package io.mlecs.core.bench;

import io.mlecs.core.config.ModelConfig;
import io.mlecs.core.data.Modality;
import io.mlecs.core.model.ModelShape;
import io.mlecs.core.model.Objective;
import io.mlecs.core.model.ParamNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Matrix-multiplication FLOPs of one training step of a device unified model, walked in the same
 * order as {@link io.mlecs.core.model.UnifiedModelGraph} builds it. A product [m x k] x [k x n]
 * costs 2mkn FLOPs forward. An operand "needs a gradient" when it depends on a trainable
 * parameter (or is one). Two backward counts are given:
 *
 * <ul>
 *   <li>{@code convention}: backward = 2 x forward for every product on the trainable path (one
 *       of its operands needs a gradient), 0 off it; step = forward + backward;
 *   <li>{@code exact}: backward = forward x (number of operands that need a gradient), i.e. dA
 *       and dB are counted only when needed (a frozen weight gets no dW).
 * </ul>
 *
 * Element-wise work (GELU, softmax, layer norm, Adam, the loss) and the O(B^2) helper products of
 * the contrastive loss are not counted.
 */
final class FlopEstimate {
  /** One (batched) product: count x ([m x k] x [k x n]). */
  record Matmul(String what, long count, long m, long k, long n, boolean aGrad, boolean bGrad) {
    long forward() {
      return 2L * count * m * k * n;
    }

    boolean onPath() {
      return aGrad || bGrad;
    }

    long backwardConvention() {
      return onPath() ? 2 * forward() : 0;
    }

    long backwardExact() {
      return forward() * ((aGrad ? 1 : 0) + (bGrad ? 1 : 0));
    }
  }

  private final List<Matmul> products = new ArrayList<>();

  private FlopEstimate() {}

  List<Matmul> products() {
    return products;
  }

  /**
   * The products of one training step.
   *
   * @param shape model shape
   * @param owned modalities the model has encoders for
   * @param objective LM (AMT) or CCL_DEVICE
   * @param batch minibatch size B
   * @param trainable which parameter names the step updates
   */
  static FlopEstimate of(ModelShape shape, List<Modality> owned, Objective objective, int batch,
      Predicate<String> trainable) {
    if (objective != Objective.LM && objective != Objective.CCL_DEVICE) {
      throw new IllegalArgumentException("FLOP estimate covers LM and CCL_DEVICE, not " + objective);
    }
    FlopEstimate f = new FlopEstimate();
    ModelConfig c = shape.config();
    long b = batch;
    long e = c.encoderDim();
    long s = c.latentDim();
    long d = c.dModel();
    long t = shape.sequenceLength();
    long tt = shape.targetLength();
    long v = shape.vocabSize();
    long r = c.loraRank();
    long ff = (long) c.ffMultiplier() * d;
    long heads = c.heads();
    long dh = c.headDim();
    boolean meanGrad = false;
    List<Boolean> projGrad = new ArrayList<>();
    for (Modality m : owned) {
      String n = m.name();
      boolean w1 = trainable.test(ParamNames.encoder(n, "w1"));
      f.add("enc." + n + ".w1", 1, b, m.dim(), e, false, w1);
      boolean h = w1 || trainable.test(ParamNames.encoder(n, "b1"));
      boolean w2 = trainable.test(ParamNames.encoder(n, "w2"));
      f.add("enc." + n + ".w2", 1, b, e, e, h, w2);
      boolean enc = h || w2 || trainable.test(ParamNames.encoder(n, "b2"));
      boolean pw = trainable.test(ParamNames.projector(n, "w"));
      f.add("proj." + n, 1, b, e, s, enc, pw);
      boolean p = enc || pw || trainable.test(ParamNames.projector(n, "b"));
      projGrad.add(p);
      meanGrad |= p;
    }
    boolean x = meanGrad;
    x = f.linear("fuse.w1", b, s, s, x, trainable, ParamNames.fusion("w1"), ParamNames.fusion("b1"));
    x = f.linear("fuse.w2", b, s, s, x, trainable, ParamNames.fusion("w2"), ParamNames.fusion("b2"));
    x = f.linear("spg.w1", b, s, c.promptHidden(), x, trainable, ParamNames.softPrompt("w1"),
        ParamNames.softPrompt("b1"));
    x = f.linear("spg.w2", b, c.promptHidden(), (long) c.promptTokens() * d, x, trainable,
        ParamNames.softPrompt("w2"), ParamNames.softPrompt("b2"));
    long rows = b * t;
    for (int l = 0; l < c.layers(); l++) {
      boolean h = x || trainable.test(ParamNames.block(l, "ln1.g"));
      boolean q = f.lora("L" + l + ".q", rows, d, r, h, trainable, l, 'q');
      boolean k = f.linear("L" + l + ".wk", rows, d, d, h, trainable, ParamNames.block(l,
          "attn.wk"), null);
      boolean vv = f.lora("L" + l + ".v", rows, d, r, h, trainable, l, 'v');
      f.add("L" + l + ".scores", b * heads, t, dh, t, q, k);
      f.add("L" + l + ".context", b * heads, t, t, dh, q || k, vv);
      boolean ctx = q || k || vv;
      boolean o = f.linear("L" + l + ".wo", rows, d, d, ctx, trainable, ParamNames.block(l,
          "attn.wo"), null);
      x = x || o;
      boolean h2 = x || trainable.test(ParamNames.block(l, "ln2.g"));
      boolean m1 = f.linear("L" + l + ".mlp.w1", rows, d, ff, h2, trainable,
          ParamNames.block(l, "mlp.w1"), ParamNames.block(l, "mlp.b1"));
      boolean m2 = f.linear("L" + l + ".mlp.w2", rows, ff, d, m1, trainable,
          ParamNames.block(l, "mlp.w2"), ParamNames.block(l, "mlp.b2"));
      x = x || m2;
    }
    f.add("logits", 1, b * tt, d, v, x, trainable.test(ParamNames.TOKEN_EMBEDDING));
    if (objective == Objective.CCL_DEVICE) {
      for (int i = 0; i < owned.size(); i++) {
        f.add("volume." + owned.get(i).name(), 1, b, s, b, false, projGrad.get(i));
      }
    }
    return f;
  }

  private void add(String what, long count, long m, long k, long n, boolean aGrad, boolean bGrad) {
    products.add(new Matmul(what, count, m, k, n, aGrad, bGrad));
  }

  /** x W (+ bias); returns whether the output needs a gradient. */
  private boolean linear(String what, long rows, long in, long out, boolean xGrad,
      Predicate<String> trainable, String w, String bias) {
    boolean wGrad = trainable.test(w);
    add(what, 1, rows, in, out, xGrad, wGrad);
    return xGrad || wGrad || (bias != null && trainable.test(bias));
  }

  /** h W + scale (h A) B; returns whether the output needs a gradient. */
  private boolean lora(String what, long rows, long d, long r, boolean hGrad,
      Predicate<String> trainable, int layer, char proj) {
    boolean base = linear(what + ".base", rows, d, d, hGrad, trainable,
        ParamNames.block(layer, "attn.w" + proj), null);
    boolean a = trainable.test(ParamNames.lora(layer, proj, 'a'));
    add(what + ".lora_a", 1, rows, d, r, hGrad, a);
    boolean ha = hGrad || a;
    boolean bb = trainable.test(ParamNames.lora(layer, proj, 'b'));
    add(what + ".lora_b", 1, rows, r, d, ha, bb);
    return base || ha || bb;
  }

  long forward() {
    return products.stream().mapToLong(Matmul::forward).sum();
  }

  long forwardOnPath() {
    return products.stream().filter(Matmul::onPath).mapToLong(Matmul::forward).sum();
  }

  long stepConvention() {
    return forward() + products.stream().mapToLong(Matmul::backwardConvention).sum();
  }

  long stepExact() {
    return forward() + products.stream().mapToLong(Matmul::backwardExact).sum();
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("formula", "per product [m x k]x[k x n] repeated `count` times: forward = 2*count*m*k*n;"
        + " step_flops_convention = sum(forward) + 2 * sum(forward of products on the trainable"
        + " path, i.e. an operand depends on a trainable parameter);"
        + " step_flops_exact = sum(forward) + sum(forward * #operands needing a gradient)."
        + " Counted: encoders, projectors, fusion MLP, soft-prompt generator, q/k/v/o with LoRA"
        + " (h A then (hA) B), attention scores and context, MLP, tied-embedding logits at target"
        + " positions only, contrastive volume products (CCL). Not counted: element-wise ops,"
        + " softmax, layer norm, loss, Adam.");
    m.put("forward_flops", forward());
    m.put("forward_flops_on_trainable_path", forwardOnPath());
    m.put("step_flops_convention", stepConvention());
    m.put("step_flops_exact", stepExact());
    Map<String, Long> byGroup = new LinkedHashMap<>();
    for (Matmul p : products) {
      String g = p.what().replaceFirst("^L\\d+\\.", "block.")
          .replaceFirst("^(enc|proj|volume)\\.[^.]+", "$1");
      byGroup.merge(g, p.forward(), Long::sum);
    }
    m.put("forward_flops_by_product", byGroup);
    return m;
  }
}
