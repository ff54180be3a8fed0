package io.mlecs.jobs.transport;

import io.mlecs.core.config.RunConfig;
import io.mlecs.core.data.DatasetSpec;
import io.mlecs.core.data.WordTokenizer;
import io.mlecs.core.io.TensorCodec;
import io.mlecs.core.train.ModelContext;
import io.mlecs.core.util.DropLinesStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A run's model context in broadcastable form (the frozen backbones as tensor-codec bytes). It is
 * shipped once per run, not per round; executors decode it once per JVM.
 */
public final class ContextBlob implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Map<String, ModelContext> DECODED = new ConcurrentHashMap<>();

  private final String key;
  private final RunConfig config;
  private final DatasetSpec dataset;
  private final List<String> vocabulary;
  private final byte[] deviceBase;
  private final byte[] serverBase;

  public ContextBlob(String key, ModelContext ctx) {
    this.key = key;
    this.config = ctx.config();
    this.dataset = ctx.dataset();
    this.vocabulary = List.copyOf(ctx.tokenizer().vocabulary());
    this.deviceBase = TensorCodec.encode(ctx.deviceBase());
    this.serverBase = TensorCodec.encode(ctx.serverBase());
  }

  /** The decoded context (cached per JVM by run key). */
  public ModelContext context() {
    // executors: SameDiff's line per differentiated op would fill the executor's stdout log
    DropLinesStream.quietSystemOut();
    return DECODED.computeIfAbsent(key, k -> new ModelContext(config, dataset,
        new WordTokenizer(vocabulary), TensorCodec.decode(deviceBase, "device backbone of " + k),
        TensorCodec.decode(serverBase, "server backbone of " + k)));
  }

  /** Forgets the decoded context (end of run). */
  public static void release(String key) {
    DECODED.remove(key);
  }
}
