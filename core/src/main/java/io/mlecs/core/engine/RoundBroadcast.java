package io.mlecs.core.engine;

import io.mlecs.core.model.ParamStore;
import java.util.Map;

/**
 * What the server sends every device at the start of a round: the global model (for ML-ECS the
 * server SLM's LoRA, Alg. 1 lines 15-19; for Multi-FedAvg also every modality encoder and the
 * connector; each device adopts the tensors it has) and the fused omni-modal representations s'
 * of the public samples (Eq. 9; empty for methods without device CCL).
 *
 * @param round round number (1-based)
 * @param global global tensors devices adopt
 * @param anchors sample id of each public training sample to its fused representation
 */
public record RoundBroadcast(int round, ParamStore global, Map<String, float[]> anchors) {

  /** The LoRA tensors of the global model. */
  public ParamStore globalLora() {
    return global.copyOf(ParamStore.LORA);
  }

  /** Bytes of the full LoRA payload. */
  public long loraBytes() {
    return global.count(n -> n.startsWith(ParamStore.LORA)) * 4L;
  }
}
