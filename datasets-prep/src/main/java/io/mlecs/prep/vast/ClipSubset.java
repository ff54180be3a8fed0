package io.mlecs.prep.vast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The seeded clip subset (paper: 9,680 clips): annotations sorted by clip id, shuffled by Fisher-Yates with
 * {@code java.util.Random(subsetSeed)}, the first {@code size} kept, then sorted by clip id again. When
 * {@code size} is at least the number of clips, all are kept.
 */
public final class ClipSubset {
  private ClipSubset() {}

  public static List<VastAnnotation> select(List<VastAnnotation> all, int size, long subsetSeed) {
    List<VastAnnotation> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparing(VastAnnotation::clipId));
    if (size >= sorted.size()) {
      return sorted;
    }
    Random rnd = new Random(subsetSeed);
    for (int i = sorted.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      VastAnnotation t = sorted.get(i);
      sorted.set(i, sorted.get(j));
      sorted.set(j, t);
    }
    List<VastAnnotation> chosen = new ArrayList<>(sorted.subList(0, size));
    chosen.sort(Comparator.comparing(VastAnnotation::clipId));
    return chosen;
  }
}
