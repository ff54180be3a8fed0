package io.mlecs.eval.cli;

/** How examples are laid out in an input file. */
public enum InputFormat {
  /** One example per line; the whole line (without the line break) is the text. */
  LINES,
  /** One JSON object per line; the text is the value of the selected field. */
  JSONL;

  /**
   * Parses an option value.
   *
   * @param value {@code lines} or {@code jsonl}
   * @return the format
   * @throws CliException for any other value
   */
  static InputFormat parse(String value) throws CliException {
    return switch (value) {
      case "lines" -> LINES;
      case "jsonl" -> JSONL;
      default -> throw new CliException("--format: unknown value '" + value + "' (expected lines or jsonl)");
    };
  }
}
