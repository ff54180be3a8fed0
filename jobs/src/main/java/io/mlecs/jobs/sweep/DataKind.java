package io.mlecs.jobs.sweep;

import java.util.Arrays;
import java.util.List;

/** Where a sweep's cells get their data ({@code sweep.data}). */
public enum DataKind {
  /** Generated in memory by each cell (data.source = synthetic). */
  SYNTHETIC("synthetic"),
  /** A raw UR-FALL folder, prepped once per (MER, N, seed). */
  PREPARED_URFALL("prepared-urfall"),
  /** A raw (or generated) VAST folder, prepped once per (MER, N, seed). */
  PREPARED_VAST("prepared-vast");

  private final String wireName;

  DataKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The prep dataset word ({@code urfall} or {@code vast}); null for synthetic data. */
  public String prepDataset() {
    return switch (this) {
      case SYNTHETIC -> null;
      case PREPARED_URFALL -> "urfall";
      case PREPARED_VAST -> "vast";
    };
  }

  public static List<String> wireNames() {
    return Arrays.stream(values()).map(DataKind::wireName).toList();
  }

  /** The kind of that name, or null. */
  static DataKind byWireName(String name) {
    for (DataKind k : values()) {
      if (k.wireName.equals(name)) {
        return k;
      }
    }
    return null;
  }
}
