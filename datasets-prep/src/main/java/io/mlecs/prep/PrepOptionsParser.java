package io.mlecs.prep;

import io.mlecs.prep.partition.MerMode;
import io.mlecs.prep.partition.SplitUnit;
import java.nio.file.Path;
import java.util.Map;

/** Turns the arguments after {@code prep <dataset>} into {@link PrepOptions}. */
public final class PrepOptionsParser {
  private PrepOptionsParser() {}

  public static PrepOptions parse(DatasetKind kind, String[] args) {
    Map<String, String> v = ArgParser.parse(args, PrepOptionTable.OPTIONS, kind, "prep");
    long seed = v.containsKey("--seed") ? ArgParser.parseLong("--seed", v.get("--seed")) : PrepOptions.DEFAULT_SEED;
    return new PrepOptions(
        kind,
        path(v.get("--input")),
        path(v.get("--output")),
        seed,
        v.containsKey("--num-devices")
            ? ArgParser.parseInt("--num-devices", v.get("--num-devices"))
            : PrepOptions.DEFAULT_DEVICES,
        MerSpec.parse(v.getOrDefault("--mer", Double.toString(PrepOptions.DEFAULT_MER)), kind.modalities()),
        MerMode.parse(v.getOrDefault("--mer-mode", "device")),
        v.containsKey("--public-fraction")
            ? ArgParser.parseDouble("--public-fraction", v.get("--public-fraction"))
            : PrepOptions.DEFAULT_PUBLIC_FRACTION,
        v.containsKey("--test-fraction")
            ? ArgParser.parseDouble("--test-fraction", v.get("--test-fraction"))
            : PrepOptions.DEFAULT_TEST_FRACTION,
        SplitUnit.parse(v.getOrDefault("--split-unit", "sample")),
        v.containsKey("--zscore"),
        v.containsKey("--skip-bad-rows"),
        v.containsKey("--subset-size")
            ? ArgParser.parseInt("--subset-size", v.get("--subset-size"))
            : PrepOptions.DEFAULT_SUBSET_SIZE,
        v.containsKey("--subset-seed") ? ArgParser.parseLong("--subset-seed", v.get("--subset-seed")) : seed,
        v.get("--annotations"),
        v.containsKey("--overwrite"));
  }

  private static Path path(String s) {
    if (s == null) {
      return null;
    }
    if (s.isBlank()) {
      throw new IllegalArgumentException("a directory option is empty: '" + s + "'");
    }
    return Path.of(s);
  }
}
