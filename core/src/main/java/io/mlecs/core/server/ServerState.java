package io.mlecs.core.server;

import io.mlecs.core.model.ParamStore;

/**
 * The server's trainable state: the unified model (LLM) and the server SLM, each with its own
 * optimiser state. Their frozen backbones live in the run's model context.
 *
 * @param llm LLM encoders, connector, temperature and LoRA
 * @param llmOptimizer LLM Adam state
 * @param slm SLM encoders, connector, temperature and LoRA (the LoRA devices receive)
 * @param slmOptimizer SLM Adam state
 */
public record ServerState(ParamStore llm, ParamStore llmOptimizer, ParamStore slm,
    ParamStore slmOptimizer) {
  public ServerState copy() {
    return new ServerState(llm.copy(), llmOptimizer.copy(), slm.copy(), slmOptimizer.copy());
  }

  /** The SLM's LoRA, which the server sends to every device. */
  public ParamStore slmLora() {
    return slm.copyOf(ParamStore.LORA);
  }
}
