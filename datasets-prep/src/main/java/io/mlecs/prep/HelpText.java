package io.mlecs.prep;

import java.util.List;

/** Formats help from {@link OptionSpec}s, so every option the parser knows is documented. */
final class HelpText {
  private HelpText() {}

  static String options(List<OptionSpec> specs, DatasetKind kind) {
    StringBuilder b = new StringBuilder("Options:\n");
    for (OptionSpec o : specs) {
      if (!o.appliesTo(kind)) {
        continue;
      }
      String head = o.isFlag() ? o.name() : o.name() + " " + o.value();
      b.append("  ").append(head).append('\n');
      b.append("      ").append(o.help());
      if (o.defaultText() != null) {
        b.append(" (default: ").append(o.defaultText()).append(')');
      }
      b.append('\n');
    }
    return b.toString();
  }
}
