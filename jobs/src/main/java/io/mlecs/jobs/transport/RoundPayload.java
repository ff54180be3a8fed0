package io.mlecs.jobs.transport;

import io.mlecs.core.engine.RoundBroadcast;
import io.mlecs.core.io.TensorCodec;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** A round's broadcast (global LoRA as tensor-codec bytes, fused representations) for Spark. */
final class RoundPayload implements Serializable {
  private static final long serialVersionUID = 1L;
  private final int round;
  private final byte[] lora;
  private final HashMap<String, float[]> anchors;

  RoundPayload(RoundBroadcast b) {
    this.round = b.round();
    this.lora = TensorCodec.encode(b.globalLora());
    this.anchors = new HashMap<>(b.anchors());
  }

  RoundBroadcast toBroadcast() {
    return new RoundBroadcast(round, TensorCodec.decode(lora, "global LoRA of round " + round),
        Map.copyOf(anchors));
  }
}
