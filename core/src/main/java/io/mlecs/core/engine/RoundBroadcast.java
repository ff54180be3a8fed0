package io.mlecs.core.engine;

import io.mlecs.core.model.ParamStore;
import java.util.Map;

/**
 * What the server sends every device at the start of a round: the global LoRA (the server SLM's,
 * Alg. 1 lines 15-19) and the fused omni-modal representations s' of the public samples (Eq. 9).
 *
 * @param round round number (1-based)
 * @param globalLora LoRA tensors devices adopt
 * @param anchors sample id of each public training sample to its fused representation
 */
public record RoundBroadcast(int round, ParamStore globalLora, Map<String, float[]> anchors) {

  /** Bytes of the LoRA payload. */
  public long loraBytes() {
    return globalLora.count() * 4L;
  }
}
