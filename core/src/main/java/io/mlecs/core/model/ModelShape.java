package io.mlecs.core.model;

import io.mlecs.core.config.ModelConfig;
import io.mlecs.core.config.Require;
import io.mlecs.core.data.DatasetSpec;

/**
 * Everything that fixes tensor shapes of a unified model: sizes, vocabulary, sequence layout and
 * dataset. Sequence layout: {@code P} soft tokens, then the instruction ({@code promptLength}
 * tokens), then BOS and the target shifted right ({@code targetLength} positions); logits are
 * computed only at the {@code targetLength} target positions.
 *
 * @param config model sizes
 * @param vocabSize tokenizer size
 * @param promptLength instruction length in tokens
 * @param dataset dataset description (modalities, target length)
 */
public record ModelShape(ModelConfig config, int vocabSize, int promptLength, DatasetSpec dataset) {
  public ModelShape {
    Require.notNull("config", config);
    Require.positive("vocabSize", vocabSize);
    Require.nonNegative("promptLength", promptLength);
    Require.notNull("dataset", dataset);
  }

  public int targetLength() {
    return dataset.maxTargetTokens();
  }

  /** Token positions fed to the backbone: instruction + BOS + target[0..Tt-2]. */
  public int tokenLength() {
    return promptLength + targetLength();
  }

  /** Full sequence length: soft tokens + token positions. */
  public int sequenceLength() {
    return config.promptTokens() + tokenLength();
  }

  public ModelShape withConfig(ModelConfig c) {
    return new ModelShape(c, vocabSize, promptLength, dataset);
  }
}
