package io.mlecs.core.engine;

import io.mlecs.core.model.ParamStore;
import java.util.List;

/**
 * Which of its trainable tensors a device may upload (and receive back). Frozen backbone weights
 * ({@code base.*}), optimiser state and data never leave a device under any scope.
 */
public enum UploadScope {
  /** LoRA adapters only (ML-ECS and the parameter-efficient baselines). */
  LORA(List.of(ParamStore.LORA)),
  /** Every trainable tensor of the device model: LoRA, modality encoders and connector. */
  MODEL(List.of(ParamStore.LORA, ParamStore.ENCODER, ParamStore.CONNECTOR));

  private final List<String> prefixes;

  UploadScope(List<String> prefixes) {
    this.prefixes = prefixes;
  }

  /** Name prefixes of the tensors in scope. */
  public List<String> prefixes() {
    return prefixes;
  }

  public String[] prefixArray() {
    return prefixes.toArray(new String[0]);
  }

  /** Whether tensor {@code name} may leave a device. */
  public boolean allows(String name) {
    for (String p : prefixes) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** Payload label of a tensor for byte accounting: lora, encoder or connector. */
  public static String payload(String name) {
    if (name.startsWith(ParamStore.LORA)) {
      return "lora";
    }
    if (name.startsWith(ParamStore.ENCODER)) {
      return "encoder";
    }
    if (name.startsWith(ParamStore.CONNECTOR)) {
      return "connector";
    }
    return "other";
  }
}
