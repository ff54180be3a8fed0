package io.mlecs.prep;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The options of {@code prep urfall|vast}. */
public final class PrepOptionTable {
  private static final Set<DatasetKind> BOTH = EnumSet.allOf(DatasetKind.class);
  private static final Set<DatasetKind> URFALL = EnumSet.of(DatasetKind.URFALL);
  private static final Set<DatasetKind> VAST = EnumSet.of(DatasetKind.VAST);

  public static final List<OptionSpec> OPTIONS =
      List.of(
          new OptionSpec("--input", "DIR", "input directory holding the raw dataset (required)", null, BOTH),
          new OptionSpec(
              "--output", "DIR",
              "output directory to create: data/ (Parquet files) and _manifest.json (required)", null, BOTH),
          new OptionSpec("--seed", "S", "master seed of every random choice (integer)", "42", BOTH),
          new OptionSpec("--num-devices", "N", "number of edge devices N (>= 1)", "3", BOTH),
          new OptionSpec(
              "--mer", "SPEC",
              "modality existing rate rho in [0,1]: one value for every modality (0.5) or every modality named "
                  + "(urfall: rgb=0.5,depth=0.7,acce=0.8; vast: vision=0.5,audio=0.5,subtitle=0.5)",
              "0.5", BOTH),
          new OptionSpec(
              "--mer-mode", "device|sample",
              "device: each device owns modality m with probability rho_m, drawn once (redrawn if it gets none); "
                  + "sample: each private sample drops m with probability 1-rho_m (redrawn if all dropped)",
              "device", BOTH),
          new OptionSpec("--public-fraction", "F", "share of samples in the omni-modal public dataset, [0, 0.9]", "0.25", BOTH),
          new OptionSpec("--test-fraction", "F", "test share of every local dataset, [0, 0.5]", "0.1", BOTH),
          new OptionSpec(
              "--split-unit", "sample|group",
              "what public/device/test splits move: single samples (paper) or whole groups (urfall: sequence, "
                  + "vast: clip)",
              "sample", BOTH),
          new OptionSpec("--zscore", null, "z-score every vector modality per sequence", "off", URFALL),
          new OptionSpec(
              "--skip-bad-rows", null,
              "skip malformed rows/records/clips and count them in the manifest instead of failing", "off", BOTH),
          new OptionSpec(
              "--subset-size", "K", "clips kept, a seeded random subset (paper: 9,680); all when K >= clips",
              "9680", VAST),
          new OptionSpec("--subset-seed", "S", "seed of the clip subset", "the --seed value", VAST),
          new OptionSpec(
              "--annotations", "FILE", "annotation file inside the input directory (JSON array or JSON lines)",
              "annotations.json or annotations.jsonl", VAST),
          new OptionSpec("--overwrite", null, "replace an existing output directory (an earlier prep output)", "off", BOTH),
          new OptionSpec("--help", null, "print this help and exit", null, BOTH));

  private PrepOptionTable() {}

  public static Optional<OptionSpec> find(String name) {
    return OPTIONS.stream().filter(o -> o.name().equals(name)).findFirst();
  }
}
