package io.mlecs.core.train;

import io.mlecs.core.config.TrainConfig;
import io.mlecs.core.data.Sample;
import io.mlecs.core.model.GraphInputs;
import io.mlecs.core.model.GraphSpec;
import io.mlecs.core.model.ModelShape;
import io.mlecs.core.model.Objective;
import io.mlecs.core.model.ParamInit;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.model.UnifiedModelGraph;
import io.mlecs.core.model.BatchEncoder;
import io.mlecs.core.data.WordTokenizer;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gives a backbone its frozen base weights before round 1: a causal LM trained on the public
 * text (instruction + target), with the soft-token positions fed zeros. A stand-in for a
 * pretrained foundation model, which cannot be downloaded here.
 */
public final class BackbonePretrainer {
  private BackbonePretrainer() {}

  public static ParamStore pretrain(ModelShape shape, WordTokenizer tokenizer, int[] promptIds,
      List<Sample> publicText, TrainConfig train, long seed) {
    ParamStore p = new ParamStore();
    ParamInit.backbone(p, shape, seed, DataType.FLOAT);
    if (train.pretrainEpochs() == 0) {
      return p;
    }
    GraphSpec spec = new GraphSpec(shape, 0, Objective.LM, -1, true, false, 0.0, 1.0, 1e-6);
    UnifiedModelGraph g = UnifiedModelGraph.build(spec, p, DataType.FLOAT);
    BatchEncoder enc = new BatchEncoder(shape, tokenizer, promptIds);
    int pTokens = shape.config().promptTokens();
    int d = shape.config().dModel();
    StageTrainer.Extras zeros = (batch, ph) -> {
      ph.put(GraphInputs.SOFT, Nd4j.zeros(DataType.FLOAT, batch.size(), pTokens, d));
      ph.keySet().removeIf(k -> k.startsWith("feat_") || k.equals(GraphInputs.MASK));
    };
    new StageTrainer(g, enc).batchSize(train.batchSize()).engine(train.stepEngine())
        .train(p, new AdamOptimizer(
        new ParamStore()), publicText, p.names(), train.pretrainEpochs(),
        train.pretrainLearningRate(), seed + 1, zeros);
    return p;
  }
}
