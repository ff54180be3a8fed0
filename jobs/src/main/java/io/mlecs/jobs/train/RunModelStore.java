package io.mlecs.jobs.train;

import io.mlecs.core.config.RunConfig;
import io.mlecs.core.data.DatasetSpec;
import io.mlecs.core.data.FederatedData;
import io.mlecs.core.data.WordTokenizer;
import io.mlecs.core.engine.Method;
import io.mlecs.core.io.FileSink;
import io.mlecs.core.io.TensorCodec;
import io.mlecs.core.train.ModelContext;
import io.mlecs.core.train.ModelContexts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The frozen part of a run (tokenizer vocabulary, pretrained backbones), written once under
 * {@code model/} so a resumed run reuses exactly what the first attempt pretrained.
 */
final class RunModelStore {
  private RunModelStore() {}

  static ModelContext loadOrCreate(FileSink sink, RunConfig config, DatasetSpec spec,
      FederatedData publicData) {
    Optional<byte[]> vocab = sink.read("model/vocabulary.txt");
    if (vocab.isPresent()) {
      List<String> words = List.of(new String(vocab.get(), StandardCharsets.UTF_8).split("\n"));
      // the method's own prompt, as ModelContexts.create builds it (FedMLLM appends one)
      DatasetSpec prompted = Method.byName(config.method()).promptFor(spec);
      return new ModelContext(config, prompted, new WordTokenizer(words),
          TensorCodec.decode(sink.read("model/device-base.tensors").orElseThrow(),
              sink.describe("model/device-base.tensors")),
          TensorCodec.decode(sink.read("model/server-base.tensors").orElseThrow(),
              sink.describe("model/server-base.tensors")));
    }
    ModelContext ctx = ModelContexts.create(config, publicData);
    sink.write("model/device-base.tensors", TensorCodec.encode(ctx.deviceBase()));
    sink.write("model/server-base.tensors", TensorCodec.encode(ctx.serverBase()));
    sink.write("model/vocabulary.txt", String.join("\n", ctx.tokenizer().vocabulary())
        .getBytes(StandardCharsets.UTF_8));
    return ctx;
  }
}
