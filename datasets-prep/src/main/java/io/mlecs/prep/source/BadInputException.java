package io.mlecs.prep.source;

/**
 * Input that cannot be turned into correct rows: the message names the file, the line or record, and the bad
 * value. A caller's mistake (bad data handed in), hence an {@link IllegalArgumentException}.
 */
public final class BadInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String location;
  private final String problem;

  public BadInputException(String location, String problem) {
    super(location + ": " + problem);
    this.location = location;
    this.problem = problem;
  }

  public BadInputException(String location, String problem, Throwable cause) {
    super(location + ": " + problem, cause);
    this.location = location;
    this.problem = problem;
  }

  /** File plus line or record, e.g. {@code urfall-cam0-falls.csv:17}. */
  public String location() {
    return location;
  }

  /** What was wrong, including the bad value. */
  public String problem() {
    return problem;
  }
}
