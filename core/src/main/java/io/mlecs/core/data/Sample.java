package io.mlecs.core.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One multimodal sample. {@code features[m]} is the feature vector of modality m (index order of
 * the {@link DatasetSpec}) or {@code null} when that modality is missing.
 *
 * @param id unique sample id
 * @param groupId group (sequence / clip) the sample belongs to
 * @param features per-modality feature vectors, null entries for missing modalities
 * @param targetText the text the model must generate (caption, or label token)
 * @param label class label for classification, -1 otherwise
 */
public record Sample(String id, String groupId, float[][] features, String targetText, int label) implements java.io.Serializable {

  public Sample {
    Objects.requireNonNull(id, "sample id");
    Objects.requireNonNull(features, "features of sample " + id);
    Objects.requireNonNull(targetText, "targetText of sample " + id);
  }

  /** Presence bit mask: bit m set when modality m is present. */
  public int presenceMask() {
    int mask = 0;
    for (int m = 0; m < features.length; m++) {
      if (features[m] != null) {
        mask |= 1 << m;
      }
    }
    return mask;
  }

  /** A view of this sample keeping only the modalities in {@code mask}. */
  public Sample restrictTo(int mask) {
    float[][] kept = new float[features.length][];
    for (int m = 0; m < features.length; m++) {
      kept[m] = (mask & (1 << m)) != 0 ? features[m] : null;
    }
    return new Sample(id, groupId, kept, targetText, label);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sample s
        && id.equals(s.id)
        && groupId.equals(s.groupId)
        && Arrays.deepEquals(features, s.features)
        && targetText.equals(s.targetText)
        && label == s.label;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, groupId, Arrays.deepHashCode(features), targetText, label);
  }

  @Override
  public String toString() {
    return "Sample[" + id + ", group=" + groupId + ", mask=" + presenceMask() + ", target='"
        + targetText + "']";
  }
}
