package io.mlecs.core.data;

import io.mlecs.core.config.Require;
import java.util.List;

/**
 * What a dataset looks like to the model: its modalities (in a fixed order that defines modality
 * indices and presence-mask bits), its task, the instruction prompt and the target length budget.
 *
 * @param name dataset name
 * @param task captioning or classification
 * @param modalities modalities in index order (at most 8)
 * @param instruction instruction prompt placed after the soft tokens
 * @param maxTargetTokens target budget in tokens, EOS included
 * @param numClasses number of classes (classification), 0 otherwise
 */
public record DatasetSpec(
    String name,
    TaskType task,
    List<Modality> modalities,
    String instruction,
    int maxTargetTokens,
    int numClasses) implements java.io.Serializable {

  public DatasetSpec {
    Require.notNull("dataset.name", name);
    Require.notNull("dataset.task", task);
    modalities = List.copyOf(Require.notNull("dataset.modalities", modalities));
    if (modalities.isEmpty() || modalities.size() > 8) {
      throw new IllegalArgumentException(
          "dataset.modalities must hold 1..8 modalities, got " + modalities.size());
    }
    Require.notNull("dataset.instruction", instruction);
    Require.positive("dataset.maxTargetTokens", maxTargetTokens);
    if (task == TaskType.CLASSIFICATION) {
      Require.positive("dataset.numClasses", numClasses);
    }
    long distinct = modalities.stream().map(Modality::name).distinct().count();
    if (distinct != modalities.size()) {
      throw new IllegalArgumentException("dataset.modalities has duplicate names: " + modalities);
    }
  }

  public int numModalities() {
    return modalities.size();
  }

  /** Index of the named modality; IllegalArgumentException naming it when unknown. */
  public int indexOf(String modality) {
    for (int i = 0; i < modalities.size(); i++) {
      if (modalities.get(i).name().equals(modality)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "unknown modality '" + modality + "' for dataset " + name + "; known: "
            + modalities.stream().map(Modality::name).toList());
  }

  /** Bit mask with every modality present. */
  public int fullMask() {
    return (1 << modalities.size()) - 1;
  }
}
