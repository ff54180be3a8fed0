package io.mlecs.core.train;

import io.mlecs.core.model.ParamNames;
import io.mlecs.core.model.ParamStore;
import java.util.List;

/** Which parameters each stage updates (Sec. 3 of the paper; official code for CCL). */
public final class TrainableSets {
  private TrainableSets() {}

  /** Device CCL: connector, LoRA and temperature; encoders frozen. */
  public static List<String> deviceCcl(ParamStore p) {
    return p.names(n -> n.startsWith(ParamStore.CONNECTOR) || n.startsWith(ParamStore.LORA)
        || n.equals(ParamNames.LOG_TAU));
  }

  /** Device AMT (Eq. 12): encoders and LoRA. */
  public static List<String> deviceAmt(ParamStore p) {
    return p.names(n -> n.startsWith(ParamStore.ENCODER) || n.startsWith(ParamStore.LORA));
  }

  /**
   * Device local tuning when the whole device model is federated (Multi-FedAvg): encoders,
   * connector and LoRA.
   */
  public static List<String> deviceFull(ParamStore p) {
    return p.names(n -> n.startsWith(ParamStore.ENCODER) || n.startsWith(ParamStore.CONNECTOR)
        || n.startsWith(ParamStore.LORA));
  }

  /** Server LLM in SE-CCL: its encoders, connector, LoRA and temperature. */
  public static List<String> serverLlm(ParamStore p) {
    return p.names(n -> !n.startsWith(ParamStore.BASE) && !n.startsWith("adam."));
  }

  /** Server SLM in SE-CCL: connector and LoRA (the LoRA is what goes back to devices). */
  public static List<String> serverSlm(ParamStore p) {
    return p.names(n -> n.startsWith(ParamStore.CONNECTOR) || n.startsWith(ParamStore.LORA));
  }
}
