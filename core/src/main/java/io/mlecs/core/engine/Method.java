package io.mlecs.core.engine;

import io.mlecs.core.aggregate.AggregationRule;
import io.mlecs.core.aggregate.ServerOptimizer;
import io.mlecs.core.config.ModelConfig;
import io.mlecs.core.data.DatasetSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A method is a small policy on the shared round engine ({@link RoundEngine}, {@link
 * DeviceTrainer}, {@link DeviceRoundRunner}): every method runs the same round loop and differs
 * only in the switches below. Each device round is: adopt the global tensors it has, optional CCL
 * on its view of the public data, local tuning on its private data (AMT), upload; each server
 * round: per-tensor weighted mean of the uploads, a server rule, optional LLM/SLM distillation.
 *
 * @param name method name as used in configs
 * @param deviceCcl devices run CCL on their view of the public data before AMT
 * @param collaborate devices upload and receive the global model (false: Standalone)
 * @param aggregation how uploads are weighted
 * @param seCcl after aggregation the server LLM and SLM teach each other on the public data
 *     (knowledge transfer both ways, Eqs. 14-16)
 * @param serverContrastive in that distillation the LLM also trains its CCL loss (SE-CCL); false:
 *     LM + KT only (Co-PLMs)
 * @param upload what devices upload and receive back
 * @param serverOptimizer how the server turns the mean of the uploads into the global model
 * @param proxMu FedProx coefficient mu of (mu / 2) ||w - w_global||^2 on the LoRA tensors during
 *     local training (0: off)
 * @param modalityAgnosticPrompt the instruction gets {@link #AGNOSTIC_PROMPT} appended (FedMLLM's
 *     prompt-based debiasing)
 * @param loraRanks per-device LoRA ranks (device j gets {@code loraRanks[j % size]}; empty: every
 *     device has the configured rank); non-empty switches on rank-aware aggregation
 */
public record Method(String name, boolean deviceCcl, boolean collaborate,
    AggregationRule aggregation, boolean seCcl, boolean serverContrastive, UploadScope upload,
    ServerOptimizer serverOptimizer, double proxMu, boolean modalityAgnosticPrompt,
    List<Integer> loraRanks) implements java.io.Serializable {

  /** FedMLLM-style modality-agnostic instruction suffix. */
  public static final String AGNOSTIC_PROMPT = "ignoring which modalities are missing";

  public Method {
    if (name == null || aggregation == null || upload == null || serverOptimizer == null) {
      throw new IllegalArgumentException("method " + name + ": every policy must be set");
    }
    if (!(proxMu >= 0) || Double.isInfinite(proxMu)) {
      throw new IllegalArgumentException("method " + name + ": proxMu must be >= 0, got "
          + proxMu);
    }
    loraRanks = List.copyOf(loraRanks);
    for (int r : loraRanks) {
      if (r <= 0) {
        throw new IllegalArgumentException("method " + name + ": LoRA ranks must be > 0, got "
            + loraRanks);
      }
    }
    if (!loraRanks.isEmpty() && (upload != UploadScope.LORA || seCcl)) {
      throw new IllegalArgumentException("method " + name
          + ": heterogeneous LoRA ranks need LoRA-only uploads and no server distillation");
    }
  }

  /** A LoRA-only method with plain averaging (the ML-ECS family and Standalone). */
  public Method(String name, boolean deviceCcl, boolean collaborate, AggregationRule aggregation,
      boolean seCcl) {
    this(name, deviceCcl, collaborate, aggregation, seCcl, seCcl, UploadScope.LORA,
        ServerOptimizer.AVERAGE, 0.0, false, List.of());
  }

  /**
   * ML-ECS (the paper): CCL + AMT on devices, LoRA + |M_j| uploads, MMA (Eq. 13), SE-CCL.
   */
  public static final Method ML_ECS =
      new Method("ml-ecs", true, true, AggregationRule.MODALITY_WEIGHTED, true);
  /** Ablation: uniform aggregation weights instead of MMA. */
  public static final Method ML_ECS_NO_MMA =
      new Method("ml-ecs-no-mma", true, true, AggregationRule.UNIFORM, true);
  /** Ablation: no SE-CCL on the server (the aggregated LoRA goes straight back). */
  public static final Method ML_ECS_NO_SECCL =
      new Method("ml-ecs-no-seccl", true, true, AggregationRule.MODALITY_WEIGHTED, false);
  /** Standalone: every device trains alone on its private data (AMT only), no communication. */
  public static final Method STANDALONE =
      new Method("standalone", false, false, AggregationRule.UNIFORM, false);

  /**
   * Multi-FedAvg (McMahan et al.; Li et al. [21] in the paper), extended to multimodal devices.
   * Kept: FedAvg over every trainable tensor of the device model (LoRA, modality encoders and
   * connector; the frozen backbone is shared and never sent), weights n_j / sum n_i by local
   * training samples, all devices starting from one global model (the server SLM's initial
   * encoders, connector and LoRA). Local training is the AMT stage with the connector trainable
   * too (otherwise averaging it would be a no-op). Heterogeneous modality sets: each tensor is
   * averaged over the devices that HAVE it (per-tensor weight sums in the fixed-point
   * accumulator; a tensor no device uploaded keeps its previous global value), and the server
   * sends each device back the averaged tensors it has. No CCL, no server model.
   * Simplified: full participation every round, one local stage per round.
   */
  public static final Method MULTI_FEDAVG = new Method("multi-fedavg", false, true,
      AggregationRule.SAMPLE_COUNT, false, false, UploadScope.MODEL, ServerOptimizer.AVERAGE, 0.0,
      false, List.of());

  /**
   * FedMLLM-style (Xu et al. 2024 [36]). Kept: LoRA-only federated tuning with the FedAdagrad
   * server rule (Reddi et al.; eta = 1e-2, tau = 1e-3, beta1 = 0, v initialised to tau^2, on
   * the pseudo-gradient mean(update) - global with sample-count weights), a FedProx proximal term
   * (mu / 2) ||w - w_global||^2 with mu = 1e-2 on the LoRA tensors during local training (added to
   * the gradient by the trainer), and the modality-agnostic prompt: the instruction gets
   * {@link #AGNOSTIC_PROMPT} appended (its words become <unk> if the vocabulary cap leaves them
   * out). Devices do no CCL. Simplified: no quantised backbone; FedMLLM's adaptive layer-wise
   * regularisation (strength depending on missing-modality rates, selected layers) is replaced by
   * one uniform proximal term on all LoRA tensors.
   */
  public static final Method FEDMLLM = new Method("fedmllm", false, true,
      AggregationRule.SAMPLE_COUNT, false, false, UploadScope.LORA,
      ServerOptimizer.fedAdagrad(1e-2, 1e-3), 1e-2, true, List.of());

  /**
   * FediLoRA-style (Yang et al. 2025 [40]). Kept: heterogeneous LoRA ranks (device j has rank
   * loraRanks[j % 3] = 8, 16, 24; the paper's communication analysis quotes r = 24 for FediLoRA)
   * and dimension-wise aggregation without zero-padding dilution: each device's A (d x r_j) and B
   * (r_j x d) are padded to the largest rank and rank dimension k is averaged, with sample-count
   * weights, only over the devices whose rank exceeds k; a device receives the first r_j rank
   * dimensions back. Every device uses the LoRA scale alpha / r of the configured rank r, so that
   * the leading r_j dimensions of the global adapter mean the same on every device. No CCL, no
   * server model. Simplified: FediLoRA's layer-wise model editing (repairing local LoRA layers
   * from the global ones by cosine similarity) is left out; devices simply adopt the global slice.
   */
  public static final Method FEDILORA = new Method("fedilora", false, true,
      AggregationRule.SAMPLE_COUNT, false, false, UploadScope.LORA, ServerOptimizer.AVERAGE, 0.0,
      false, List.of(8, 16, 24));

  /**
   * Co-PLMs-style (Co-tuning of large and small LMs [24]). Kept: domain-specific tuning on devices
   * (AMT only, no CCL), FedAvg of the devices' shared adapters (sample-count weights) into the
   * server SLM, and mutual distillation between the server LLM and SLM on public data (the SE-CCL
   * knowledge-transfer machinery, Eq. 14, both ways) with no contrastive term anywhere: the LLM
   * trains L_lb + lambda L_kt. Simplified: the devices' LoRA adapters play the distilled proxy
   * models (no separate DPM per device), the shared tokenizer makes the tokenizer-alignment part
   * of SAML unnecessary, and only LoRA is exchanged (the paper's Co-PLMs also sends encoders).
   */
  public static final Method CO_PLMS = new Method("co-plms", false, true,
      AggregationRule.SAMPLE_COUNT, true, false, UploadScope.LORA, ServerOptimizer.AVERAGE, 0.0,
      false, List.of());

  public static List<Method> all() {
    return List.of(ML_ECS, ML_ECS_NO_MMA, ML_ECS_NO_SECCL, STANDALONE, MULTI_FEDAVG, FEDMLLM,
        FEDILORA, CO_PLMS);
  }

  /** The method of that name; IllegalArgumentException listing the known ones otherwise. */
  public static Method byName(String name) {
    for (Method m : all()) {
      if (m.name.equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown method '" + name + "'; known: "
        + all().stream().map(Method::name).toList());
  }

  /** This method with other per-device LoRA ranks (FediLoRA). */
  public Method withLoraRanks(List<Integer> ranks) {
    return new Method(name, deviceCcl, collaborate, aggregation, seCcl, serverContrastive, upload,
        serverOptimizer, proxMu, modalityAgnosticPrompt, ranks);
  }

  /** This method with another proximal coefficient. */
  public Method withProxMu(double mu) {
    return new Method(name, deviceCcl, collaborate, aggregation, seCcl, serverContrastive, upload,
        serverOptimizer, mu, modalityAgnosticPrompt, loraRanks);
  }

  /** This method with another server rule. */
  public Method withServerOptimizer(ServerOptimizer o) {
    return new Method(name, deviceCcl, collaborate, aggregation, seCcl, serverContrastive, upload,
        o, proxMu, modalityAgnosticPrompt, loraRanks);
  }

  /** Whether devices have LoRA adapters of different ranks (rank-aware aggregation). */
  public boolean heterogeneousRanks() {
    return !loraRanks.isEmpty();
  }

  /**
   * Whether the server LLM takes part (it computes the CCL anchors or distils with the SLM), so
   * that its score on the public test split is reported. Multi-FedAvg, FedMLLM and FediLoRA have
   * no server model ("not applicable" in the paper's Table 1).
   */
  public boolean serverModel() {
    return collaborate && (deviceCcl || seCcl);
  }

  /** LoRA rank of device {@code device} given the configured rank {@code base}. */
  public int loraRank(int base, int device) {
    return loraRanks.isEmpty() ? base : loraRanks.get(device % loraRanks.size());
  }

  /**
   * The device model's sizes: the configured ones, with device-specific LoRA rank when ranks are
   * heterogeneous; alpha is rescaled so that every rank keeps the configured scale alpha / r.
   */
  public ModelConfig deviceConfig(ModelConfig base, int device) {
    return withRank(base, loraRank(base.loraRank(), device));
  }

  /** The global adapter's sizes: the largest device rank (the configured rank if homogeneous). */
  public ModelConfig globalConfig(ModelConfig base) {
    int max = base.loraRank();
    if (!loraRanks.isEmpty()) {
      max = loraRanks.stream().mapToInt(Integer::intValue).max().getAsInt();
    }
    return withRank(base, max);
  }

  private static ModelConfig withRank(ModelConfig base, int rank) {
    if (rank == base.loraRank()) {
      return base;
    }
    return new ModelConfig(base.dModel(), base.heads(), base.layers(), base.ffMultiplier(),
        base.encoderDim(), base.latentDim(), base.promptTokens(), base.promptHidden(), rank,
        base.loraAlpha() * rank / base.loraRank(), base.loraDropout());
  }

  /**
   * The dataset description the method's models see: with a modality-agnostic prompt the
   * instruction gets {@link #AGNOSTIC_PROMPT} appended (idempotent).
   */
  public DatasetSpec promptFor(DatasetSpec spec) {
    if (!modalityAgnosticPrompt || spec.instruction().endsWith(AGNOSTIC_PROMPT)) {
      return spec;
    }
    String instruction = spec.instruction().isEmpty() ? AGNOSTIC_PROMPT
        : spec.instruction() + " " + AGNOSTIC_PROMPT;
    return new DatasetSpec(spec.name(), spec.task(), spec.modalities(), instruction,
        spec.maxTargetTokens(), spec.numClasses());
  }

  /** Names of all methods (for usage texts). */
  public static List<String> names() {
    List<String> out = new ArrayList<>();
    for (Method m : all()) {
      out.add(m.name());
    }
    return out;
  }
}
