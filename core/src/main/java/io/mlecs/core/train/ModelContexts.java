package io.mlecs.core.train;

import io.mlecs.core.config.RunConfig;
import io.mlecs.core.data.DatasetSpec;
import io.mlecs.core.data.FederatedData;
import io.mlecs.core.data.WordTokenizer;
import io.mlecs.core.engine.Method;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.util.Seeds;

/**
 * Builds a run's {@link ModelContext}: tokenizer from public text, both backbones pretrained.
 * The instruction is the dataset's, as the configured method sees it (FedMLLM appends its
 * modality-agnostic prompt, see {@link Method#promptFor}).
 */
public final class ModelContexts {
  private ModelContexts() {}

  public static ModelContext create(RunConfig config, FederatedData data) {
    DatasetSpec spec = Method.byName(config.method()).promptFor(data.spec());
    WordTokenizer tok = ModelContext.tokenizerFor(spec, data.publicTrain(),
        config.train().maxVocab());
    ModelContext shell = new ModelContext(config, spec, tok, new ParamStore(),
        new ParamStore());
    long seed = config.seed();
    ParamStore device = BackbonePretrainer.pretrain(shell.deviceShape(), tok, shell.promptIds(),
        data.publicTrain(), config.train(), Seeds.derive(seed, 0, Seeds.SERVER,
            Seeds.Purpose.PRETRAIN));
    ParamStore server = BackbonePretrainer.pretrain(shell.serverShape(), tok, shell.promptIds(),
        data.publicTrain(), config.train(), Seeds.derive(seed, 0, Seeds.SERVER - 1,
            Seeds.Purpose.PRETRAIN));
    return new ModelContext(config, spec, tok, device, server);
  }
}
