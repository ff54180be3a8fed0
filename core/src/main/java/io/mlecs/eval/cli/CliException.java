package io.mlecs.eval.cli;

/** A usage or input error of the command line: reported on stderr with exit status 2. */
public final class CliException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the option, file and line where possible
   */
  public CliException(String message) {
    super(message);
  }
}
