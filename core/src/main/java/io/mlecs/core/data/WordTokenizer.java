package io.mlecs.core.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A word-level tokenizer built from the training text: lower-cases, splits on every character
 * outside [a-z0-9] (the same normalisation rouge-score applies before scoring), and keeps the most
 * frequent words (ties broken alphabetically, so the vocabulary is a pure function of the text).
 * Ids 0..3 are {@code <pad> <bos> <eos> <unk>}.
 */
public final class WordTokenizer {
  public static final int PAD = 0;
  public static final int BOS = 1;
  public static final int EOS = 2;
  public static final int UNK = 3;
  private static final List<String> SPECIALS = List.of("<pad>", "<bos>", "<eos>", "<unk>");

  private final List<String> vocabulary;
  private final Map<String, Integer> ids;

  /** A tokenizer over an explicit vocabulary whose first four entries are the special tokens. */
  public WordTokenizer(List<String> vocabulary) {
    if (vocabulary.size() < SPECIALS.size()
        || !vocabulary.subList(0, SPECIALS.size()).equals(SPECIALS)) {
      throw new IllegalArgumentException(
          "vocabulary must start with " + SPECIALS + ", got " + vocabulary.subList(0,
              Math.min(4, vocabulary.size())));
    }
    this.vocabulary = List.copyOf(vocabulary);
    this.ids = new HashMap<>();
    for (int i = 0; i < this.vocabulary.size(); i++) {
      if (ids.put(this.vocabulary.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate vocabulary entry '" + vocabulary.get(i) + "'");
      }
    }
  }

  /** Builds the vocabulary from texts, keeping at most {@code maxVocab} entries (specials included). */
  public static WordTokenizer build(Collection<String> texts, int maxVocab) {
    if (maxVocab <= SPECIALS.size()) {
      throw new IllegalArgumentException("maxVocab must be > " + SPECIALS.size() + ", got " + maxVocab);
    }
    Map<String, Integer> counts = new TreeMap<>();
    for (String text : texts) {
      for (String word : words(text)) {
        counts.merge(word, 1, Integer::sum);
      }
    }
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
    entries.sort((a, b) -> b.getValue().equals(a.getValue())
        ? a.getKey().compareTo(b.getKey()) : Integer.compare(b.getValue(), a.getValue()));
    List<String> vocab = new ArrayList<>(SPECIALS);
    for (Map.Entry<String, Integer> e : entries) {
      if (vocab.size() >= maxVocab) {
        break;
      }
      vocab.add(e.getKey());
    }
    return new WordTokenizer(vocab);
  }

  /** Normalised words of a text. */
  public static List<String> words(String text) {
    String norm = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    return norm.isEmpty() ? List.of() : List.of(norm.split(" "));
  }

  public int size() {
    return vocabulary.size();
  }

  public List<String> vocabulary() {
    return vocabulary;
  }

  /** Word ids of a text (no BOS/EOS), unknown words map to {@link #UNK}. */
  public int[] encode(String text) {
    List<String> w = words(text);
    int[] out = new int[w.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ids.getOrDefault(w.get(i), UNK);
    }
    return out;
  }

  /** Text of ids up to the first EOS; pads and BOS are dropped. */
  public String decode(int[] tokenIds) {
    StringBuilder sb = new StringBuilder();
    for (int id : tokenIds) {
      if (id == EOS) {
        break;
      }
      if (id == PAD || id == BOS) {
        continue;
      }
      if (id < 0 || id >= vocabulary.size()) {
        throw new IllegalArgumentException("token id " + id + " outside vocabulary of " + size());
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(vocabulary.get(id));
    }
    return sb.toString();
  }
}
