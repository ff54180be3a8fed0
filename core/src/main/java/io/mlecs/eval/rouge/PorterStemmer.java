package io.mlecs.eval.rouge;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A faithful port of NLTK's {@code nltk.stem.porter.PorterStemmer} (NLTK 3.8) in its default
 * {@code NLTK_EXTENSIONS} mode, the stemmer rouge-score uses.
 *
 * <p>This is deliberately not Lucene's or Snowball's "porter": NLTK's extensions differ from Martin
 * Porter's original, e.g. {@code ties -> tie}, {@code dying -> die}, {@code fly -> fli}, the
 * irregular-forms pool, the {@code alli} re-run of step 2 and the {@code logi -> log} rule. Method
 * names follow the Python source so the two can be compared line by line. Instances are immutable and
 * thread-safe.
 */
public final class PorterStemmer {

  private static final Map<String, String> POOL = buildPool();

  private static Map<String, String> buildPool() {
    String[][] irregular = {
      {"sky", "sky", "skies"},
      {"die", "dying"},
      {"lie", "lying"},
      {"tie", "tying"},
      {"news", "news"},
      {"inning", "innings", "inning"},
      {"outing", "outings", "outing"},
      {"canning", "cannings", "canning"},
      {"howe", "howe"},
      {"proceed", "proceed"},
      {"exceed", "exceed"},
      {"succeed", "succeed"},
    };
    Map<String, String> pool = new HashMap<>();
    for (String[] row : irregular) {
      for (int i = 1; i < row.length; i++) {
        pool.put(row[i], row[0]);
      }
    }
    return Map.copyOf(pool);
  }

  /** A suffix rule: suffix, replacement and an optional condition on the remaining stem. */
  private record Rule(String suffix, String replacement, Predicate<String> condition) {}

  /**
   * Stems one word (lowercased first, as NLTK's {@code stem(word, to_lowercase=True)}).
   *
   * @param word the word
   * @return its stem
   */
  public String stem(String word) {
    String stem = word.toLowerCase(java.util.Locale.ROOT);
    if (POOL.containsKey(word)) {
      return POOL.get(stem);
    }
    if (word.length() <= 2) {
      return stem;
    }
    stem = step1a(stem);
    stem = step1b(stem);
    stem = step1c(stem);
    stem = step2(stem);
    stem = step3(stem);
    stem = step4(stem);
    stem = step5a(stem);
    stem = step5b(stem);
    return stem;
  }

  private static boolean isVowelLetter(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  private static boolean isConsonant(String word, int i) {
    char c = word.charAt(i);
    if (isVowelLetter(c)) {
      return false;
    }
    if (c == 'y') {
      return i == 0 || !isConsonant(word, i - 1);
    }
    return true;
  }

  /** The measure m of [C](VC){m}[V]: the number of "vc" pairs in the c/v sequence. */
  private static int measure(String stem) {
    int count = 0;
    boolean previousVowel = false;
    for (int i = 0; i < stem.length(); i++) {
      boolean consonant = isConsonant(stem, i);
      if (consonant && previousVowel) {
        count++;
      }
      previousVowel = !consonant;
    }
    return count;
  }

  private static boolean hasPositiveMeasure(String stem) {
    return measure(stem) > 0;
  }

  private static boolean containsVowel(String stem) {
    for (int i = 0; i < stem.length(); i++) {
      if (!isConsonant(stem, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsDoubleConsonant(String word) {
    int n = word.length();
    return n >= 2 && word.charAt(n - 1) == word.charAt(n - 2) && isConsonant(word, n - 1);
  }

  /** Condition *o, with NLTK's extension for two-letter stems (vowel then consonant). */
  private static boolean endsCvc(String word) {
    int n = word.length();
    if (n >= 3
        && isConsonant(word, n - 3)
        && !isConsonant(word, n - 2)
        && isConsonant(word, n - 1)) {
      char last = word.charAt(n - 1);
      if (last != 'w' && last != 'x' && last != 'y') {
        return true;
      }
    }
    return n == 2 && !isConsonant(word, 0) && isConsonant(word, 1);
  }

  private static String replaceSuffix(String word, String suffix, String replacement) {
    return word.substring(0, word.length() - suffix.length()) + replacement;
  }

  /**
   * Applies the first rule whose suffix matches; when its condition fails the word is returned
   * unchanged (later rules are not tried). The pseudo-suffix {@code "*d"} matches a double consonant.
   */
  private static String applyRuleList(String word, Rule... rules) {
    for (Rule rule : rules) {
      if (rule.suffix.equals("*d") && endsDoubleConsonant(word)) {
        String stem = word.substring(0, word.length() - 2);
        if (rule.condition == null || rule.condition.test(stem)) {
          return stem + rule.replacement;
        }
        return word;
      }
      if (word.endsWith(rule.suffix)) {
        String stem = replaceSuffix(word, rule.suffix, "");
        if (rule.condition == null || rule.condition.test(stem)) {
          return stem + rule.replacement;
        }
        return word;
      }
    }
    return word;
  }

  private static String step1a(String word) {
    if (word.endsWith("ies") && word.length() == 4) {
      return replaceSuffix(word, "ies", "ie");
    }
    return applyRuleList(
        word,
        new Rule("sses", "ss", null),
        new Rule("ies", "i", null),
        new Rule("ss", "ss", null),
        new Rule("s", "", null));
  }

  private static String step1b(String word) {
    if (word.endsWith("ied")) {
      return word.length() == 4 ? replaceSuffix(word, "ied", "ie") : replaceSuffix(word, "ied", "i");
    }
    if (word.endsWith("eed")) {
      String stem = replaceSuffix(word, "eed", "");
      return measure(stem) > 0 ? stem + "ee" : word;
    }
    String intermediate = null;
    for (String suffix : new String[] {"ed", "ing"}) {
      if (word.endsWith(suffix)) {
        String candidate = replaceSuffix(word, suffix, "");
        if (containsVowel(candidate)) {
          intermediate = candidate;
          break;
        }
      }
    }
    if (intermediate == null) {
      return word;
    }
    char last = intermediate.charAt(intermediate.length() - 1);
    return applyRuleList(
        intermediate,
        new Rule("at", "ate", null),
        new Rule("bl", "ble", null),
        new Rule("iz", "ize", null),
        new Rule("*d", String.valueOf(last), stem -> last != 'l' && last != 's' && last != 'z'),
        new Rule("", "e", stem -> measure(stem) == 1 && endsCvc(stem)));
  }

  private static String step1c(String word) {
    return applyRuleList(
        word,
        new Rule("y", "i", stem -> stem.length() > 1 && isConsonant(stem, stem.length() - 1)));
  }

  private static String step2(String word) {
    if (word.endsWith("alli") && hasPositiveMeasure(replaceSuffix(word, "alli", ""))) {
      return step2(replaceSuffix(word, "alli", "al"));
    }
    Predicate<String> positive = PorterStemmer::hasPositiveMeasure;
    String logiStem = word.length() >= 3 ? word.substring(0, word.length() - 3) : "";
    return applyRuleList(
        word,
        new Rule("ational", "ate", positive),
        new Rule("tional", "tion", positive),
        new Rule("enci", "ence", positive),
        new Rule("anci", "ance", positive),
        new Rule("izer", "ize", positive),
        new Rule("bli", "ble", positive),
        new Rule("alli", "al", positive),
        new Rule("entli", "ent", positive),
        new Rule("eli", "e", positive),
        new Rule("ousli", "ous", positive),
        new Rule("ization", "ize", positive),
        new Rule("ation", "ate", positive),
        new Rule("ator", "ate", positive),
        new Rule("alism", "al", positive),
        new Rule("iveness", "ive", positive),
        new Rule("fulness", "ful", positive),
        new Rule("ousness", "ous", positive),
        new Rule("aliti", "al", positive),
        new Rule("iviti", "ive", positive),
        new Rule("biliti", "ble", positive),
        new Rule("fulli", "ful", positive),
        // the 'l' of 'logi' stays with the stem so that short stems such as 'geo' work
        new Rule("logi", "log", stem -> hasPositiveMeasure(logiStem)));
  }

  private static String step3(String word) {
    Predicate<String> positive = PorterStemmer::hasPositiveMeasure;
    return applyRuleList(
        word,
        new Rule("icate", "ic", positive),
        new Rule("ative", "", positive),
        new Rule("alize", "al", positive),
        new Rule("iciti", "ic", positive),
        new Rule("ical", "ic", positive),
        new Rule("ful", "", positive),
        new Rule("ness", "", positive));
  }

  private static String step4(String word) {
    Predicate<String> gt1 = stem -> measure(stem) > 1;
    return applyRuleList(
        word,
        new Rule("al", "", gt1),
        new Rule("ance", "", gt1),
        new Rule("ence", "", gt1),
        new Rule("er", "", gt1),
        new Rule("ic", "", gt1),
        new Rule("able", "", gt1),
        new Rule("ible", "", gt1),
        new Rule("ant", "", gt1),
        new Rule("ement", "", gt1),
        new Rule("ment", "", gt1),
        new Rule("ent", "", gt1),
        new Rule(
            "ion",
            "",
            stem -> measure(stem) > 1
                && (stem.charAt(stem.length() - 1) == 's' || stem.charAt(stem.length() - 1) == 't')),
        new Rule("ou", "", gt1),
        new Rule("ism", "", gt1),
        new Rule("ate", "", gt1),
        new Rule("iti", "", gt1),
        new Rule("ous", "", gt1),
        new Rule("ive", "", gt1),
        new Rule("ize", "", gt1));
  }

  /** Step 5a tries both (m&gt;1) E and (m=1 and not *o) E, hence no rule list. */
  private static String step5a(String word) {
    if (word.endsWith("e")) {
      String stem = replaceSuffix(word, "e", "");
      int m = measure(stem);
      if (m > 1) {
        return stem;
      }
      if (m == 1 && !endsCvc(stem)) {
        return stem;
      }
    }
    return word;
  }

  private static String step5b(String word) {
    return applyRuleList(
        word, new Rule("ll", "l", stem -> measure(word.substring(0, word.length() - 1)) > 1));
  }
}
