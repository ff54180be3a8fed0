package io.mlecs.core.engine;

import io.mlecs.core.config.StepEngine;
import io.mlecs.core.data.Sample;
import io.mlecs.core.model.GraphSpec;
import io.mlecs.core.model.ModelShape;
import io.mlecs.core.model.Objective;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.model.UnifiedModelGraph;
import io.mlecs.core.train.ModelContext;
import io.mlecs.core.train.ModelRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/** Test loss (teacher forcing) and generation metrics of a model on a test split. */
public final class Evaluation {
  private Evaluation() {}

  public static Map<String, Double> evaluate(ModelContext ctx, ModelShape shape, int mask,
      ParamStore params, List<Sample> test, int maxDecoded, TaskScorer scorer) {
    Map<String, Double> out = new HashMap<>();
    if (test.isEmpty()) {
      return out;
    }
    var encoder = new io.mlecs.core.model.BatchEncoder(shape, ctx.tokenizer(), ctx.promptIds());
    UnifiedModelGraph lm = UnifiedModelGraph.build(GraphSpec.of(shape, mask, Objective.LM),
        params, DataType.FLOAT);
    StepEngine engine = ctx.config().train().stepEngine();
    out.put("test_loss", new ModelRunner(lm, encoder, params, engine).meanLoss(test));
    List<Sample> decoded = test.size() > maxDecoded ? test.subList(0, maxDecoded) : test;
    UnifiedModelGraph inf = UnifiedModelGraph.build(
        GraphSpec.of(shape, mask, Objective.INFERENCE), params, DataType.FLOAT);
    List<String> predictions = new ModelRunner(inf, encoder, params, engine).generate(decoded);
    List<String> references = new ArrayList<>();
    for (Sample s : decoded) {
      references.add(s.targetText());
    }
    out.putAll(scorer.score(predictions, references));
    return out;
  }
}
