package io.mlecs.core.train;

import io.mlecs.core.config.RunConfig;
import io.mlecs.core.data.FederatedData;
import io.mlecs.core.data.WordTokenizer;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.util.Seeds;

/** Builds a run's {@link ModelContext}: tokenizer from public text, both backbones pretrained. */
public final class ModelContexts {
  private ModelContexts() {}

  public static ModelContext create(RunConfig config, FederatedData data) {
    WordTokenizer tok = ModelContext.tokenizerFor(data.spec(), data.publicTrain(),
        config.train().maxVocab());
    ModelContext shell = new ModelContext(config, data.spec(), tok, new ParamStore(),
        new ParamStore());
    long seed = config.seed();
    ParamStore device = BackbonePretrainer.pretrain(shell.deviceShape(), tok, shell.promptIds(),
        data.publicTrain(), config.train(), Seeds.derive(seed, 0, Seeds.SERVER,
            Seeds.Purpose.PRETRAIN));
    ParamStore server = BackbonePretrainer.pretrain(shell.serverShape(), tok, shell.promptIds(),
        data.publicTrain(), config.train(), Seeds.derive(seed, 0, Seeds.SERVER - 1,
            Seeds.Purpose.PRETRAIN));
    return new ModelContext(config, data.spec(), tok, device, server);
  }
}
