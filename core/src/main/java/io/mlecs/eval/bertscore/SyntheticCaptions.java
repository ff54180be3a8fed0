package io.mlecs.eval.bertscore;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of caption-like sentence pairs (a reference and a perturbed candidate) for
 * benchmarks. Deterministic for a given seed.
 */
public final class SyntheticCaptions {

  private static final String[] SUBJECTS = {
    "a man", "a woman", "two children", "an old couple", "a dog", "a group of friends", "a chef",
    "a cyclist", "a young girl", "a street musician", "a teacher", "a crowd", "a cat", "a farmer"};
  private static final String[] VERBS = {
    "is walking", "plays", "is cooking", "rides", "is talking", "dances", "is reading", "paints",
    "is singing", "watches", "is cleaning", "repairs", "is running", "carries"};
  private static final String[] OBJECTS = {
    "a guitar", "a bicycle", "some vegetables", "a red ball", "the old car", "a newspaper",
    "a wooden boat", "a small kite", "the kitchen table", "a heavy box", "a loud drum", "the fence"};
  private static final String[] PLACES = {
    "in a park", "on a busy street", "in the kitchen", "near the river", "at the beach",
    "in a crowded market", "on a stage", "in the snow", "inside a library", "under a bridge"};
  private static final String[] EXTRAS = {
    "while music plays in the background", "as people cheer", "on a sunny afternoon",
    "while it rains", "and someone laughs", "as the camera pans slowly", "at night", ""};

  private SyntheticCaptions() {}

  /**
   * Generates pairs.
   *
   * @param count the number of pairs
   * @param seed the random seed
   * @return {@code [references, candidates]}
   */
  public static List<List<String>> generate(int count, long seed) {
    if (count < 0) {
      throw new IllegalArgumentException("count: must be non-negative, got " + count);
    }
    Random random = new Random(seed);
    List<String> references = new ArrayList<>(count);
    List<String> candidates = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String[] parts = {
        pick(random, SUBJECTS), pick(random, VERBS), pick(random, OBJECTS), pick(random, PLACES),
        pick(random, EXTRAS)};
      references.add(sentence(parts));
      String[] perturbed = parts.clone();
      int changes = 1 + random.nextInt(3);
      for (int c = 0; c < changes; c++) {
        int slot = random.nextInt(parts.length);
        perturbed[slot] = switch (slot) {
          case 0 -> pick(random, SUBJECTS);
          case 1 -> pick(random, VERBS);
          case 2 -> pick(random, OBJECTS);
          case 3 -> pick(random, PLACES);
          default -> pick(random, EXTRAS);
        };
      }
      candidates.add(sentence(perturbed));
    }
    return List.of(references, candidates);
  }

  private static String pick(Random random, String[] words) {
    return words[random.nextInt(words.length)];
  }

  private static String sentence(String[] parts) {
    String joined = String.join(" ", parts).strip();
    return Character.toUpperCase(joined.charAt(0)) + joined.substring(1) + ".";
  }
}
