package io.mlecs.core.config;

/**
 * One run of Algorithm 1.
 *
 * @param seed master seed; every other seed is derived from it
 * @param rounds communication rounds T
 * @param method method name (see {@code io.mlecs.core.engine.Method#byName})
 * @param device device model / server SLM sizes
 * @param server server unified model (LLM) sizes
 * @param train optimisation settings
 */
public record RunConfig(
    long seed, int rounds, String method, ModelConfig device, ModelConfig server,
    TrainConfig train) implements java.io.Serializable {

  public RunConfig {
    Require.positive("rounds", rounds);
    Require.notNull("method", method);
    Require.notNull("device", device);
    Require.notNull("server", server);
    Require.notNull("train", train);
    if (device.latentDim() != server.latentDim()) {
      throw new IllegalArgumentException("device.latentDim (" + device.latentDim()
          + ") must equal server.latentDim (" + server.latentDim()
          + "): fused representations live in one shared latent space");
    }
    if (device.promptTokens() != server.promptTokens()) {
      throw new IllegalArgumentException("device.promptTokens (" + device.promptTokens()
          + ") must equal server.promptTokens (" + server.promptTokens() + ")");
    }
  }

  public static RunConfig defaults(long seed, int rounds) {
    return new RunConfig(seed, rounds, "ml-ecs", ModelConfig.deviceDefault(),
        ModelConfig.serverDefault(), TrainConfig.defaults());
  }

  public RunConfig withMethod(String m) {
    return new RunConfig(seed, rounds, m, device, server, train);
  }

  public RunConfig withRounds(int r) {
    return new RunConfig(seed, r, method, device, server, train);
  }
}
