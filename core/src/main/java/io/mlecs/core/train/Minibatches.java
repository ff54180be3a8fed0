package io.mlecs.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded shuffling into minibatches. A trailing batch of one sample is merged into the previous
 * batch: contrastive losses need at least two samples, and SameDiff M2.1's matmul backprop
 * rejects a batch of one.
 */
public final class Minibatches {
  private Minibatches() {}

  public static <T> List<List<T>> of(List<T> items, int batchSize, long seed) {
    List<T> shuffled = new ArrayList<>(items);
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      T tmp = shuffled.get(i);
      shuffled.set(i, shuffled.get(j));
      shuffled.set(j, tmp);
    }
    return chunk(shuffled, batchSize);
  }

  /** In-order chunks (evaluation). */
  public static <T> List<List<T>> chunk(List<T> items, int batchSize) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += batchSize) {
      out.add(new ArrayList<>(items.subList(i, Math.min(items.size(), i + batchSize))));
    }
    if (out.size() > 1 && out.get(out.size() - 1).size() == 1) {
      List<T> last = out.remove(out.size() - 1);
      out.get(out.size() - 1).addAll(last);
    }
    return out;
  }
}
