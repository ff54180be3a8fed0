package io.mlecs.core.bench;

import io.mlecs.core.config.ModelConfig;
import io.mlecs.core.data.FederatedData;
import io.mlecs.core.data.Modality;
import io.mlecs.core.data.WordTokenizer;
import io.mlecs.core.model.ModelShape;
import io.mlecs.core.model.ParamInit;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.synth.SyntheticFederatedData;
import io.mlecs.core.synth.SyntheticOptions;
import io.mlecs.core.train.ModelContext;
import io.mlecs.core.train.ModelFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Bytes per device per round by payload (what {@code DeviceTrainer} accounts: float32 tensors,
 * |M_j| as one 4-byte int) and as a share of the device unified model's parameter count, at the
 * default sizes (parameters really allocated and counted) and at the paper's GPT-2-720M-like
 * proportions (computed from shapes).
 */
final class CommunicationBench {
  /** The paper's figure: LoRA + fused representations = 0.65 % of the total parameter volume. */
  static final double PAPER_PERCENT = 0.65;

  private CommunicationBench() {}

  /** GPT-2 large (MiniLLM-gpt2-720M's backbone) with the official code's connector sizes. */
  static ModelConfig paperDevice() {
    // d 1280, 20 heads, 36 blocks, MLP 4d; encoders 64; d_s 256 and P = 16 (official code);
    // soft-prompt hidden width 256 (assumed); LoRA r = 8, alpha 16, dropout 0.05
    return new ModelConfig(1280, 20, 36, 4, 64, 256, 16, 256, 8, 16.0, 0.05);
  }

  static final long PAPER_VOCAB = 50257;
  static final long PAPER_POSITIONS = 1024;
  /** VAST-like feature widths (assumed): vision 768, audio 768, subtitle 384 (MiniLM). */
  static final List<Integer> PAPER_MODALITY_DIMS = List.of(768, 768, 384);
  /** GPT-2 large as published (with q/k/v/o biases, which our blocks do not have). */
  static final long GPT2_LARGE_PUBLISHED = 774_030_080L;

  static Map<String, Object> payloads(ParamCounts counts, long publicSamples) {
    long lora = counts.lora();
    long fused = publicSamples * counts.config().latentDim();
    long total = counts.total();
    Map<String, Object> bytes = new LinkedHashMap<>();
    bytes.put("lora_up", lora * 4);
    bytes.put("modality_count_up", 4L);
    bytes.put("lora_down", lora * 4);
    bytes.put("fused_representations_down", fused * 4);
    bytes.put("total", (2 * lora + fused) * 4 + 4);
    Map<String, Object> pct = new LinkedHashMap<>();
    pct.put("lora_one_way", Stats.round(100.0 * lora / total, 4));
    pct.put("lora_up_and_down", Stats.round(100.0 * 2 * lora / total, 4));
    pct.put("fused_representations_down", Stats.round(100.0 * fused / total, 4));
    pct.put("lora_up_plus_fused_down", Stats.round(100.0 * (lora + fused) / total, 4));
    pct.put("all_payloads", Stats.round(100.0 * (2 * lora + fused + 1) / total, 4));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("public_samples_per_device", publicSamples);
    m.put("bytes_per_device_per_round", bytes);
    m.put("fused_bytes_per_public_sample", counts.config().latentDim() * 4L);
    m.put("percent_of_device_model_parameters", pct);
    return m;
  }

  static Map<String, Object> run(ModelConfig deviceConfig, long seed) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accounting", "float32 = 4 bytes per scalar, |M_j| = one 4-byte int; percentages are"
        + " payload scalars / device unified-model scalars (frozen backbone + LoRA + encoders +"
        + " connector) x 100. Per device per round: LoRA up, |M_j| up, global LoRA down, fused"
        + " representations of the device's view of the public training data down (ML-ECS;"
        + " Standalone sends nothing).");
    // default sizes: really allocate and count, check the shape formulas
    FederatedData data = SyntheticFederatedData.generate(
        SyntheticOptions.small(io.mlecs.core.data.TaskType.CAPTIONING, 3, 0.7, seed));
    WordTokenizer tok = ModelContext.tokenizerFor(data.spec(), data.publicTrain(), 512);
    int[] prompt = tok.encode(data.spec().instruction());
    ModelShape shape = new ModelShape(deviceConfig, tok.size(), prompt.length, data.spec());
    int full = data.spec().fullMask();
    ParamStore p = new ParamStore();
    ParamInit.backbone(p, shape, seed, DataType.FLOAT);
    ModelFactory.trainable(deviceConfig, data.spec(), full, seed).asMap().forEach(p::put);
    ModelFactory.initialLora(deviceConfig, seed).asMap().forEach(p::put);
    ParamCounts counts = new ParamCounts(deviceConfig, tok.size(), shape.sequenceLength(),
        data.spec().modalities().stream().map(Modality::dim).toList());
    if (counts.total() != p.count() || counts.lora() != p.count(n -> n.startsWith("lora."))) {
      throw new IllegalStateException("parameter-count formulas disagree with ParamStore: "
          + counts.toMap() + " vs " + p.count());
    }
    Map<String, Object> def = new LinkedHashMap<>();
    def.put("model", deviceConfig);
    def.put("vocab", tok.size());
    def.put("sequence_length", shape.sequenceLength());
    def.put("modalities", data.spec().modalities());
    def.put("parameters", counts.toMap());
    def.put("parameters_checked_against_allocated_ParamStore", true);
    def.putAll(payloads(counts, data.publicTrain().size()));
    def.put("note", "public_samples_per_device = the public training split of"
        + " SyntheticOptions.small (every device receives s' for all of it)");
    out.put("default_device_model", def);

    ModelConfig pc = paperDevice();
    ParamCounts paper = new ParamCounts(pc, PAPER_VOCAB, PAPER_POSITIONS, PAPER_MODALITY_DIMS);
    Map<String, Object> pm = new LinkedHashMap<>();
    pm.put("model", pc);
    pm.put("vocab", PAPER_VOCAB);
    pm.put("positions", PAPER_POSITIONS);
    pm.put("modality_dims_assumed", PAPER_MODALITY_DIMS);
    pm.put("parameters", paper.toMap());
    pm.put("gpt2_large_published_parameters", GPT2_LARGE_PUBLISHED);
    pm.put("backbone_difference_to_published", GPT2_LARGE_PUBLISHED - paper.backbone());
    pm.put("per_public_sample", payloads(paper, 1).get("percent_of_device_model_parameters"));
    long lora = paper.lora();
    long target = Math.round(PAPER_PERCENT / 100.0 * paper.total());
    long needed = Math.max(0, target - 2 * lora - 1);
    long samples = needed / pc.latentDim();
    pm.put("paper_percent", PAPER_PERCENT);
    pm.put("paper_percent_in_scalars", target);
    pm.put("public_samples_that_make_lora_up_down_plus_fused_equal_paper_percent", samples);
    pm.putAll(payloads(paper, samples));
    pm.put("note", "Analytic (shapes only, nothing allocated). The paper gives no breakdown of its"
        + " 0.65 %: LoRA alone is " + Stats.round(100.0 * lora / paper.total(), 3)
        + " % one way and " + Stats.round(200.0 * lora / paper.total(), 3) + " % up + down; the"
        + " fused representations (d_s = " + pc.latentDim() + " floats per public sample) make up"
        + " the rest only if a device receives them for about " + samples + " public samples.");
    out.put("paper_proportions_gpt2_720m_like", pm);
    return out;
  }
}
