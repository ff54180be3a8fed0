package io.mlecs.core.testing;

import io.mlecs.core.config.ModelConfig;
import io.mlecs.core.data.DatasetSpec;
import io.mlecs.core.data.Modality;
import io.mlecs.core.data.TaskType;
import java.util.List;

/** Very small shapes for fast unit tests. */
public final class TinyModels {
  private TinyModels() {}

  public static ModelConfig config() {
    return new ModelConfig(8, 2, 1, 2, 6, 5, 2, 6, 2, 4.0, 0.0);
  }

  public static DatasetSpec dataset() {
    return new DatasetSpec("tiny", TaskType.CAPTIONING,
        List.of(new Modality("vision", 4), new Modality("audio", 3), new Modality("text", 5)),
        "describe", 4, 0);
  }
}
