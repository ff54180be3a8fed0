package io.mlecs.prep.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a reader produced: the rows, the modality order, the sources it read, the bad-row tally, why
 * modalities are missing, and dataset-specific facts for the manifest.
 *
 * @param dataset {@code urfall} or {@code vast}
 * @param task {@code classification} or {@code captioning}
 * @param modalities modality order (bit i of {@code presence_mask} is modality i)
 * @param samples the rows, sorted by sample id
 * @param sources files and folders read
 * @param badRows skipped-row tally
 * @param missingReasons modality to (reason to number of groups it applies to)
 * @param extra further manifest entries (e.g. the VAST subset), serialised as they are
 */
public record SourceDataset(
    String dataset,
    String task,
    List<ModalitySpec> modalities,
    List<RawSample> samples,
    List<SourceFile> sources,
    BadRows badRows,
    Map<String, Map<String, Integer>> missingReasons,
    Map<String, Object> extra) {

  public SourceDataset {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(task, "task");
    modalities = List.copyOf(modalities);
    samples = List.copyOf(samples);
    sources = SourceDigests.sorted(sources);
    Objects.requireNonNull(badRows, "badRows");
    missingReasons = Collections.unmodifiableMap(new LinkedHashMap<>(missingReasons));
    extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  /** Index of a modality in the modality order, or -1. */
  public int modalityIndex(String name) {
    for (int i = 0; i < modalities.size(); i++) {
      if (modalities.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
