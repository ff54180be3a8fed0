package io.mlecs.prep;

import io.mlecs.prep.urfall.UrFallReader;
import io.mlecs.prep.vast.VastReader;
import java.util.List;

/** The two datasets and their modality order (bit i of presence_mask = modality i). */
public enum DatasetKind {
  URFALL("urfall", List.of(UrFallReader.RGB, UrFallReader.DEPTH, UrFallReader.ACCE)),
  VAST("vast", VastReader.modalityNames());

  private final String wireName;
  private final List<String> modalities;

  DatasetKind(String wireName, List<String> modalities) {
    this.wireName = wireName;
    this.modalities = modalities;
  }

  public String wireName() {
    return wireName;
  }

  public List<String> modalities() {
    return modalities;
  }

  /** Parses {@code urfall} or {@code vast}. */
  public static DatasetKind parse(String s) {
    for (DatasetKind k : values()) {
      if (k.wireName.equals(s)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown dataset '" + s + "' (expected urfall or vast)");
  }
}
