package io.mlecs.prep.source;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Collects, per modality, why it is missing and for how many groups (sequences / clips). */
public final class MissingReasons {
  private final Map<String, Map<String, Integer>> reasons = new LinkedHashMap<>();

  /** Records that {@code modality} is missing for one group (or some of its rows) because of {@code reason}. */
  public void add(String modality, String reason) {
    reasons.computeIfAbsent(modality, k -> new TreeMap<>()).merge(reason, 1, Integer::sum);
  }

  public Map<String, Map<String, Integer>> asMap() {
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    reasons.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
    return copy;
  }
}
