package io.mlecs.jobs.transport;

import io.mlecs.core.engine.RoundBroadcast;
import io.mlecs.core.io.TensorCodec;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * A round's broadcast for Spark: the global model as tensor-codec bytes (the LoRA; for Multi-FedAvg
 * also the encoders and the connector) and the fused representations.
 */
final class RoundPayload implements Serializable {
  private static final long serialVersionUID = 1L;
  private final int round;
  private final byte[] lora;
  private final HashMap<String, float[]> anchors;

  RoundPayload(RoundBroadcast b) {
    this.round = b.round();
    this.lora = TensorCodec.encode(b.global());
    this.anchors = new HashMap<>(b.anchors());
  }

  /** About how many bytes the payload takes serialized (tensor bytes + anchors). */
  long approximateBytes() {
    long bytes = lora.length;
    for (float[] a : anchors.values()) {
      bytes += 4L * a.length + 48;
    }
    return bytes;
  }

  RoundBroadcast toBroadcast() {
    return new RoundBroadcast(round, TensorCodec.decode(lora, "global model of round " + round),
        Map.copyOf(anchors));
  }
}
