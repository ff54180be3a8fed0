package io.mlecs.core.run;

import io.mlecs.core.io.FileSink;
import io.mlecs.core.io.TensorCodec;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.server.ServerState;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Checkpoints after every completed round: {@code checkpoint/round-NNNN/} holds the server LLM and
 * SLM with their optimiser states and the global LoRA (tensor files), then {@code
 * checkpoint/LATEST} is atomically replaced with the round number, so a crash at any moment
 * leaves the previous complete checkpoint in force. No RNG state needs saving: every random
 * stream is a pure function of (master seed, round, device).
 */
public final class RunCheckpoint {
  private final FileSink sink;

  public RunCheckpoint(FileSink sink) {
    this.sink = sink;
  }

  /** A restored checkpoint. */
  public record Restored(int round, ServerState server, ParamStore globalLora) {}

  static String dir(int round) {
    return String.format(Locale.ROOT, "checkpoint/round-%04d/", round);
  }

  public void save(int round, ServerState s, ParamStore globalLora) {
    String d = dir(round);
    sink.write(d + "llm.tensors", TensorCodec.encode(s.llm()));
    sink.write(d + "llm-optimizer.tensors", TensorCodec.encode(s.llmOptimizer()));
    sink.write(d + "slm.tensors", TensorCodec.encode(s.slm()));
    sink.write(d + "slm-optimizer.tensors", TensorCodec.encode(s.slmOptimizer()));
    sink.write(d + "global-lora.tensors", TensorCodec.encode(globalLora));
    sink.write("checkpoint/LATEST", Integer.toString(round).getBytes(StandardCharsets.UTF_8));
    if (round > 2) {
      sink.delete(dir(round - 2));
    }
  }

  /** The last complete checkpoint, if any. */
  public Optional<Restored> latest() {
    Optional<byte[]> latest = sink.read("checkpoint/LATEST");
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    String text = new String(latest.get(), StandardCharsets.UTF_8).trim();
    int round;
    try {
      round = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(sink.describe("checkpoint/LATEST")
          + " holds '" + text + "', not a round number");
    }
    String d = dir(round);
    ServerState s = new ServerState(load(d + "llm.tensors"), load(d + "llm-optimizer.tensors"),
        load(d + "slm.tensors"), load(d + "slm-optimizer.tensors"));
    return Optional.of(new Restored(round, s, load(d + "global-lora.tensors")));
  }

  private ParamStore load(String rel) {
    byte[] b = sink.read(rel).orElseThrow(() -> new IllegalStateException(
        "checkpoint file missing: " + sink.describe(rel)));
    return TensorCodec.decode(b, sink.describe(rel));
  }
}
