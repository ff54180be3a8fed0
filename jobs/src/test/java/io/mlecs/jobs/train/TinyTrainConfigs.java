package io.mlecs.jobs.train;

/** HOCON of tiny but real training runs for tests. */
public final class TinyTrainConfigs {
  /**
   * The tiny data sizes, device and server models and training settings that the tests' runs and
   * sweeps share (HOCON; later blocks with the same paths merge into these).
   */
  public static final String TINY_MODEL_AND_TRAINING = """
      data.synthetic { private-per-device = 24, public-train = 24, public-test = 8 }
      model.device { d-model = 16, heads = 2, layers = 1, ff-multiplier = 2, encoder-dim = 8,
        latent-dim = 8, prompt-tokens = 2, prompt-hidden = 8, lora-rank = 2, lora-alpha = 4 }
      model.server { d-model = 24, heads = 2, layers = 1, ff-multiplier = 2, encoder-dim = 8,
        latent-dim = 8, prompt-tokens = 2, prompt-hidden = 8, lora-rank = 2, lora-alpha = 4 }
      train { batch-size = 8, amt-epochs = 1, pretrain-epochs = 1, max-vocab = 64,
        eval-max-samples = 8 }
      """;

  private TinyTrainConfigs() {}

  static String synthetic(String runDir, String transport, int rounds) {
    return """
        run { dir = "%s", seed = 11, rounds = %d, method = "ml-ecs" }
        data.synthetic { devices = 3, mer = 0.7 }
        """.formatted(runDir, rounds) + TINY_MODEL_AND_TRAINING + """
        spark { transport = "%s", devices-per-task = 2 }
        """.formatted(transport);
  }
}
