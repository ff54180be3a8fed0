package io.mlecs.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.core.config.TrainConfig;
import io.mlecs.core.data.TaskType;
import io.mlecs.core.synth.SyntheticFederatedData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-round metrics of a run, with and without BERTScore. */
class TaskScorersTest {
  private static TrainConfig train(boolean bertScore) {
    TrainConfig d = TrainConfig.defaults();
    return new TrainConfig(d.learningRate(), d.batchSize(), d.cclEpochs(), d.amtEpochs(),
        d.serverEpochs(), d.pretrainEpochs(), d.pretrainLearningRate(), d.ktWeight(),
        d.ktTemperature(), d.labelSmoothing(), d.maxVocab(), d.evalMaxSamples(), bertScore);
  }

  @Test
  void captioningAddsBertScoreOnlyWhenAskedFor() {
    var spec = SyntheticFederatedData.spec(TaskType.CAPTIONING);
    List<String> refs = List.of("a dog chases a ball in the park", "a car drives down a road");
    List<String> same = refs;
    List<String> other = List.of("children play football on a field", "a bird sings a song");

    Map<String, Double> plain = TaskScorers.forRun(spec, train(false)).score(same, refs);
    assertEquals(Map.of("rougeLsum", 1.0), plain);

    TaskScorer withBs = TaskScorers.forRun(spec, train(true));
    Map<String, Double> exact = withBs.score(same, refs);
    assertEquals(1.0, exact.get("rougeLsum"), 1e-12);
    assertEquals(1.0, exact.get(TaskScorers.BERTSCORE_F1), 1e-5, exact.toString());
    double mismatched = withBs.score(other, refs).get(TaskScorers.BERTSCORE_F1);
    assertTrue(mismatched > 0.0 && mismatched < 0.95, "unrelated captions: " + mismatched);
    double near = withBs.score(List.of("a dog chases the ball in a park",
        "a car drives down the road"), refs).get(TaskScorers.BERTSCORE_F1);
    assertTrue(near > mismatched && near < 1.0, near + " vs unrelated " + mismatched);
  }

  @Test
  void classificationIgnoresTheBertScoreSetting() {
    var spec = SyntheticFederatedData.spec(TaskType.CLASSIFICATION);
    Map<String, Double> m = TaskScorers.forRun(spec, train(true)).score(List.of("1", "2", "x"),
        List.of("1", "2", "0"));
    assertEquals(Map.of("f1_macro", m.get("f1_macro"), "f1_weighted", m.get("f1_weighted"),
        "accuracy", 2.0 / 3), m);
  }
}
