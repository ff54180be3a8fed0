package io.mlecs.eval.rouge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * rouge-score's default tokenizer ({@code tokenize.py}): lowercase, replace every run of characters
 * outside {@code [a-z0-9]} by a space, split on whitespace, optionally stem tokens longer than three
 * characters, and keep only non-empty {@code [a-z0-9]+} tokens. Thread-safe.
 */
public final class RougeTokenizer {

  private static final Pattern NON_ALPHANUM = Pattern.compile("[^a-z0-9]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern VALID_TOKEN = Pattern.compile("^[a-z0-9]+$");
  /** Tokens of at most this many characters are never stemmed (rouge-score's rule). */
  private static final int MIN_STEM_EXCLUSIVE = 3;

  private final PorterStemmer stemmer;

  /**
   * Creates a tokenizer.
   *
   * @param useStemmer whether to apply the NLTK Porter stemmer to tokens longer than 3 characters
   */
  public RougeTokenizer(boolean useStemmer) {
    this.stemmer = useStemmer ? new PorterStemmer() : null;
  }

  /**
   * Whether this tokenizer stems.
   *
   * @return true when stemming is enabled
   */
  public boolean usesStemmer() {
    return stemmer != null;
  }

  /**
   * Tokenizes a text.
   *
   * @param text the text (null is treated as empty)
   * @return the tokens, in order
   */
  public List<String> tokenize(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String lowered = text.toLowerCase(Locale.ROOT);
    String cleaned = NON_ALPHANUM.matcher(lowered).replaceAll(" ");
    List<String> tokens = new ArrayList<>();
    for (String raw : SPACES.split(cleaned, -1)) {
      String token = raw;
      if (stemmer != null && token.length() > MIN_STEM_EXCLUSIVE) {
        token = stemmer.stem(token);
      }
      if (VALID_TOKEN.matcher(token).matches()) {
        tokens.add(token);
      }
    }
    return tokens;
  }
}
