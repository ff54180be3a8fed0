package io.mlecs.core.train;

import io.mlecs.core.config.RunConfig;
import io.mlecs.core.data.DatasetSpec;
import io.mlecs.core.data.Sample;
import io.mlecs.core.data.WordTokenizer;
import io.mlecs.core.model.BatchEncoder;
import io.mlecs.core.model.ModelShape;
import io.mlecs.core.model.ParamStore;
import java.util.ArrayList;
import java.util.List;

/**
 * What every node of a run shares and what never changes after start-up: the dataset
 * description, the tokenizer built from the public text, the instruction, the shapes of the
 * device SLM and the server LLM, and their frozen pretrained backbones.
 *
 * @param config run configuration
 * @param dataset dataset description
 * @param tokenizer tokenizer built from the public training text and the instruction
 * @param deviceBase frozen backbone of the device / server SLM ({@code base.*})
 * @param serverBase frozen backbone of the server LLM ({@code base.*})
 */
public record ModelContext(RunConfig config, DatasetSpec dataset, WordTokenizer tokenizer,
    ParamStore deviceBase, ParamStore serverBase) {

  /** Builds the tokenizer from public text (targets and the instruction). */
  public static WordTokenizer tokenizerFor(DatasetSpec dataset, List<Sample> publicTrain,
      int maxVocab) {
    List<String> texts = new ArrayList<>();
    texts.add(dataset.instruction());
    for (Sample s : publicTrain) {
      texts.add(s.targetText());
    }
    return WordTokenizer.build(texts, maxVocab);
  }

  public int[] promptIds() {
    return tokenizer.encode(dataset.instruction());
  }

  public ModelShape deviceShape() {
    return new ModelShape(config.device(), tokenizer.size(), promptIds().length, dataset);
  }

  public ModelShape serverShape() {
    return new ModelShape(config.server(), tokenizer.size(), promptIds().length, dataset);
  }

  public BatchEncoder deviceEncoder() {
    return new BatchEncoder(deviceShape(), tokenizer, promptIds());
  }

  public BatchEncoder serverEncoder() {
    return new BatchEncoder(serverShape(), tokenizer, promptIds());
  }
}
