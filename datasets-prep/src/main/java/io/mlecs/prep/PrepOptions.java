package io.mlecs.prep;

import io.mlecs.prep.partition.MerMode;
import io.mlecs.prep.partition.PartitionConfig;
import io.mlecs.prep.partition.SplitUnit;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every option of one prep run, validated in the constructor; messages name the option and the bad value.
 *
 * @param dataset urfall or vast
 * @param input raw dataset directory
 * @param output output directory to create
 * @param seed master seed
 * @param numDevices N >= 1
 * @param mer rho per modality, every modality of the dataset in its order, each in [0, 1], one above 0
 * @param merMode device or sample
 * @param publicFraction in [0, 0.9]
 * @param testFraction in [0, 0.5]
 * @param splitUnit sample or group
 * @param zscore per-sequence z-scoring (urfall only)
 * @param skipBadRows skip and count bad rows instead of failing
 * @param subsetSize VAST clips to keep (>= 1)
 * @param subsetSeed VAST subset seed
 * @param annotations VAST annotation file name inside input, or null for the defaults
 * @param overwrite replace an existing output
 */
public record PrepOptions(
    DatasetKind dataset,
    Path input,
    Path output,
    long seed,
    int numDevices,
    Map<String, Double> mer,
    MerMode merMode,
    double publicFraction,
    double testFraction,
    SplitUnit splitUnit,
    boolean zscore,
    boolean skipBadRows,
    int subsetSize,
    long subsetSeed,
    String annotations,
    boolean overwrite) {

  /** Defaults shown in help. */
  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_DEVICES = 3;
  public static final double DEFAULT_MER = 0.5;
  public static final double DEFAULT_PUBLIC_FRACTION = 0.25;
  public static final double DEFAULT_TEST_FRACTION = 0.1;
  public static final int DEFAULT_SUBSET_SIZE = 9680;

  public PrepOptions {
    Objects.requireNonNull(dataset, "dataset");
    if (input == null) {
      throw new IllegalArgumentException("--input is required");
    }
    if (output == null) {
      throw new IllegalArgumentException("--output is required");
    }
    if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("--output must differ from --input, got '" + output + "' for both");
    }
    if (numDevices < 1) {
      throw new IllegalArgumentException("--num-devices must be >= 1, got " + numDevices);
    }
    Objects.requireNonNull(mer, "mer");
    if (!mer.keySet().equals(new java.util.LinkedHashSet<>(dataset.modalities()))) {
      throw new IllegalArgumentException(
          "--mer must give exactly the modalities " + dataset.modalities() + ", got " + mer.keySet());
    }
    Map<String, Double> ordered = new LinkedHashMap<>();
    for (String m : dataset.modalities()) {
      double r = mer.get(m);
      if (!(r >= 0.0 && r <= 1.0)) {
        throw new IllegalArgumentException("--mer for " + m + " must be in [0, 1], got " + r);
      }
      ordered.put(m, r);
    }
    if (ordered.values().stream().allMatch(r -> r == 0.0)) {
      throw new IllegalArgumentException("--mer must give at least one modality a rate above 0, got " + MerSpec.format(ordered));
    }
    mer = Collections.unmodifiableMap(ordered);
    Objects.requireNonNull(merMode, "merMode");
    Objects.requireNonNull(splitUnit, "splitUnit");
    if (!(publicFraction >= 0.0 && publicFraction <= 0.9)) {
      throw new IllegalArgumentException("--public-fraction must be in [0, 0.9], got " + publicFraction);
    }
    if (!(testFraction >= 0.0 && testFraction <= 0.5)) {
      throw new IllegalArgumentException("--test-fraction must be in [0, 0.5], got " + testFraction);
    }
    if (zscore && dataset != DatasetKind.URFALL) {
      throw new IllegalArgumentException("--zscore applies to urfall only (a VAST group is a single clip), got it for " + dataset.wireName());
    }
    if (subsetSize < 1) {
      throw new IllegalArgumentException("--subset-size must be >= 1, got " + subsetSize);
    }
    if (annotations != null) {
      if (dataset != DatasetKind.VAST) {
        throw new IllegalArgumentException("--annotations applies to vast only, got '" + annotations + "'");
      }
      if (annotations.isBlank() || Path.of(annotations).isAbsolute() || annotations.contains("..")) {
        throw new IllegalArgumentException(
            "--annotations must be a file name inside --input (no absolute path, no '..'), got '" + annotations + "'");
      }
    }
  }

  /** All defaults for a dataset, with the given input and output. */
  public static PrepOptions defaults(DatasetKind dataset, Path input, Path output) {
    Map<String, Double> mer = new LinkedHashMap<>();
    dataset.modalities().forEach(m -> mer.put(m, DEFAULT_MER));
    return new PrepOptions(
        dataset, input, output, DEFAULT_SEED, DEFAULT_DEVICES, mer, MerMode.DEVICE, DEFAULT_PUBLIC_FRACTION,
        DEFAULT_TEST_FRACTION, SplitUnit.SAMPLE, false, false, DEFAULT_SUBSET_SIZE, DEFAULT_SEED, null, false);
  }

  /** The partition parameters. */
  public PartitionConfig partitionConfig() {
    double[] rho = mer.values().stream().mapToDouble(Double::doubleValue).toArray();
    return new PartitionConfig(seed, numDevices, rho, merMode, publicFraction, testFraction, splitUnit);
  }

  /** Every option value (defaults included), keyed by option name without dashes, for the manifest. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dataset", dataset.wireName());
    m.put("input", input.toString());
    m.put("output", output.toString());
    m.put("seed", seed);
    m.put("num_devices", numDevices);
    m.put("mer", mer);
    m.put("mer_mode", merMode.wireName());
    m.put("public_fraction", publicFraction);
    m.put("test_fraction", testFraction);
    m.put("split_unit", splitUnit.wireName());
    m.put("zscore", zscore);
    m.put("skip_bad_rows", skipBadRows);
    if (dataset == DatasetKind.VAST) {
      m.put("subset_size", subsetSize);
      m.put("subset_seed", subsetSeed);
      m.put("annotations", annotations);
    }
    m.put("overwrite", overwrite);
    return m;
  }

  @Override
  public Map<String, Double> mer() {
    return mer;
  }
}
