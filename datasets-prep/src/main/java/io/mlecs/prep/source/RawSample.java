package io.mlecs.prep.source;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One sample as read from the source, before partitioning: only the modalities the source actually has for
 * it are present in {@code features} / {@code texts}.
 *
 * @param sampleId unique id (UR-FALL {@code fall-01:00001}, VAST the clip id)
 * @param groupId split group (UR-FALL sequence, VAST clip id)
 * @param features present vector modalities
 * @param texts present text modalities
 * @param targetText what the model must generate (VAST caption, UR-FALL label as text)
 * @param label class label (UR-FALL 0/1/2) or null (VAST)
 */
public record RawSample(
    String sampleId,
    String groupId,
    Map<String, float[]> features,
    Map<String, String> texts,
    String targetText,
    Integer label) {

  public RawSample {
    Objects.requireNonNull(sampleId, "sampleId");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(targetText, "targetText");
    features = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(features, "features")));
    texts = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(texts, "texts")));
  }

  /** Bit i set when modality i of {@code modalities} is present in this sample. */
  public int availableMask(java.util.List<ModalitySpec> modalities) {
    int mask = 0;
    for (int i = 0; i < modalities.size(); i++) {
      String name = modalities.get(i).name();
      if (features.containsKey(name) || texts.containsKey(name)) {
        mask |= 1 << i;
      }
    }
    return mask;
  }

  /** A copy with other feature vectors (e.g. after z-scoring). */
  public RawSample withFeatures(Map<String, float[]> newFeatures) {
    return new RawSample(sampleId, groupId, newFeatures, texts, targetText, label);
  }
}
