package io.mlecs.prep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses {@code --name value}, {@code --name=value} and flags against a list of {@link OptionSpec}s; unknown,
 * repeated, misplaced or valueless options are an {@link IllegalArgumentException} naming them.
 */
final class ArgParser {
  private ArgParser() {}

  /** Option name to value ({@code "true"} for flags). */
  static Map<String, String> parse(String[] args, List<OptionSpec> specs, DatasetKind kind, String command) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      Optional<OptionSpec> spec = specs.stream().filter(s -> s.name().equals(name)).findFirst();
      if (spec.isEmpty()) {
        throw new IllegalArgumentException("unknown option '" + name + "' for " + command + " " + kind.wireName());
      }
      if (!spec.get().appliesTo(kind)) {
        throw new IllegalArgumentException(
            "option " + name + " does not apply to " + kind.wireName() + " (only to "
                + spec.get().datasets().iterator().next().wireName() + ")");
      }
      String value;
      if (spec.get().isFlag()) {
        if (eq >= 0) {
          throw new IllegalArgumentException("option " + name + " is a flag and takes no value: '" + arg + "'");
        }
        value = "true";
      } else if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("option " + name + " needs a value " + spec.get().value());
      }
      if (values.put(name, value) != null) {
        throw new IllegalArgumentException("option " + name + " given twice");
      }
    }
    return values;
  }

  static long parseLong(String option, String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be an integer, got '" + value + "'");
    }
  }

  static int parseInt(String option, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be an integer, got '" + value + "'");
    }
  }

  static double parseDouble(String option, String value) {
    try {
      double d = Double.parseDouble(value.strip());
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " must be a number, got '" + value + "'");
  }
}
