package io.mlecs.core.bench;

import io.mlecs.core.config.ModelConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter counts of a unified model computed from its shapes, tensor by tensor as
 * {@link io.mlecs.core.model.ParamInit} creates them (so a model of any size can be counted
 * without allocating it; {@code BenchmarkRunner} checks the formulas against a real
 * {@link io.mlecs.core.model.ParamStore} at the default sizes).
 *
 * @param config model sizes
 * @param vocab vocabulary size V (tied input/output embedding)
 * @param positions learned positions (sequence length)
 * @param modalityDims input width of each modality the model has an encoder for
 */
record ParamCounts(ModelConfig config, long vocab, long positions, List<Integer> modalityDims) {

  /** Frozen backbone: embeddings, blocks (no attention biases), final norm. */
  long backbone() {
    long d = config.dModel();
    long f = (long) config.ffMultiplier() * d;
    long perLayer = 2 * d + 4 * d * d + 2 * d + d * f + f + f * d + d;
    return vocab * d + positions * d + config.layers() * perLayer + 2 * d;
  }

  /** LoRA A (d x r) and B (r x d) on q and v of every block. */
  long lora() {
    return (long) config.layers() * 2 * 2 * config.dModel() * config.loraRank();
  }

  /** Modality encoders Linear(dim, e) - GELU - Linear(e, e). */
  long encoders() {
    long e = config.encoderDim();
    long n = 0;
    for (int dim : modalityDims) {
      n += dim * e + e + e * e + e;
    }
    return n;
  }

  /** Per-modality projectors, fusion MLP, soft-prompt generator and log(tau). */
  long connector() {
    long e = config.encoderDim();
    long s = config.latentDim();
    long h = config.promptHidden();
    long out = (long) config.promptTokens() * config.dModel();
    long proj = modalityDims.size() * (e * s + s);
    return proj + 2 * (s * s + s) + s * h + h + h * out + out + 1;
  }

  long total() {
    return backbone() + lora() + encoders() + connector();
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("backbone_frozen", backbone());
    m.put("lora", lora());
    m.put("encoders", encoders());
    m.put("connector", connector());
    m.put("total", total());
    return m;
  }
}
