package io.mlecs.prep;

import java.util.Set;

/**
 * One command-line option: its name, value placeholder (null for a flag), help text, default shown in help,
 * and the datasets it applies to. Parser and help are both driven by these specs.
 */
public record OptionSpec(String name, String value, String help, String defaultText, Set<DatasetKind> datasets) {
  public boolean isFlag() {
    return value == null;
  }

  public boolean appliesTo(DatasetKind kind) {
    return datasets.contains(kind);
  }
}
