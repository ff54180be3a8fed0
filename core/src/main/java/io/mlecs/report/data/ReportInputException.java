package io.mlecs.report.data;

/** A missing or malformed report input; the message names the file and, where known, the line. */
public final class ReportInputException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, starting with the file (and line)
   */
  public ReportInputException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong
   * @param cause the underlying error
   */
  public ReportInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
