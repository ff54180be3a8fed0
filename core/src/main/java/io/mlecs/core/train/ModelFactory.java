package io.mlecs.core.train;

import io.mlecs.core.config.ModelConfig;
import io.mlecs.core.data.DatasetSpec;
import io.mlecs.core.model.ParamInit;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.util.Seeds;
import org.nd4j.linalg.api.buffer.DataType;

/** Initial trainable parameters (encoders, connector, temperature, LoRA) of devices and server. */
public final class ModelFactory {
  private ModelFactory() {}

  /**
   * Encoders and projectors for the modalities in {@code mask}, the fusion MLP, the soft-prompt
   * generator and the temperature, all from one seed.
   */
  public static ParamStore trainable(ModelConfig c, DatasetSpec dataset, int mask, long seed) {
    ParamStore p = new ParamStore();
    for (int m = 0; m < dataset.numModalities(); m++) {
      if ((mask & (1 << m)) != 0) {
        ParamInit.encoder(p, c, dataset.modalities().get(m), seed + 101L * (m + 1), DataType.FLOAT);
        ParamInit.projector(p, c, dataset.modalities().get(m), seed + 211L * (m + 1),
            DataType.FLOAT);
      }
    }
    ParamInit.connectorCore(p, c, seed + 307L, DataType.FLOAT);
    return p;
  }

  /** The round-1 global LoRA (A random from the master seed, B = 0), the same on every node. */
  public static ParamStore initialLora(ModelConfig c, long masterSeed) {
    ParamStore p = new ParamStore();
    ParamInit.lora(p, c, Seeds.derive(masterSeed, 0, Seeds.SERVER, Seeds.Purpose.INIT),
        DataType.FLOAT);
    return p;
  }

  /** Trainable parameters of device {@code device}, from the master seed. */
  public static ParamStore device(ModelConfig c, DatasetSpec dataset, int mask, long masterSeed,
      int device) {
    return trainable(c, dataset, mask,
        Seeds.derive(masterSeed, 0, device, Seeds.Purpose.INIT));
  }
}
