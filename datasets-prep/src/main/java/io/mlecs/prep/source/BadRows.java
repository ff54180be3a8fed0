package io.mlecs.prep.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The bad-input policy of one prep run. In strict mode (the default) every problem throws a
 * {@link BadInputException}; with {@code --skip-bad-rows} the offending row / record / clip is skipped, counted,
 * and up to {@value #MAX_EXAMPLES} messages are kept for the manifest. Problems that make the rest of a file
 * unreadable (e.g. a syntax error inside a JSON array) always throw.
 */
public final class BadRows {
  /** How many example messages the manifest keeps. */
  public static final int MAX_EXAMPLES = 20;

  private final boolean skip;
  private long count;
  private final List<String> examples = new ArrayList<>();

  public BadRows(boolean skip) {
    this.skip = skip;
  }

  public static BadRows strict() {
    return new BadRows(false);
  }

  public static BadRows skipping() {
    return new BadRows(true);
  }

  /** Reports a bad row: throws in strict mode, else counts it (the caller then skips the row). */
  public void report(BadInputException problem) {
    if (!skip) {
      throw problem;
    }
    count++;
    if (examples.size() < MAX_EXAMPLES) {
      examples.add(problem.getMessage());
    }
  }

  public void report(String location, String problem) {
    report(new BadInputException(location, problem));
  }

  public boolean isSkipping() {
    return skip;
  }

  public long count() {
    return count;
  }

  public List<String> examples() {
    return Collections.unmodifiableList(examples);
  }
}
