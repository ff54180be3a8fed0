package io.mlecs.prep;

import io.mlecs.prep.output.AtomicOutput;
import io.mlecs.prep.sample.UrFallSampleGenerator;
import io.mlecs.prep.sample.VastSampleGenerator;
import io.mlecs.prep.urfall.FeatureCsv;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * {@code sample-data urfall|vast --out DIR [--seed S] [--sequences K --frames F | --clips K] [--overwrite]}:
 * writes a small seeded generated dataset in the real layout (written atomically like prep outputs). Exit
 * codes as {@link PrepCommand}.
 */
public final class SampleDataCommand {
  /** Default generated sizes: a quickstart preps them in seconds. */
  public static final int DEFAULT_SEQUENCES = 12;
  public static final int DEFAULT_FRAMES = 60;
  public static final int DEFAULT_CLIPS = 400;

  static final List<OptionSpec> OPTIONS =
      List.of(
          new OptionSpec("--out", "DIR", "directory to create with the generated dataset (required)", null,
              EnumSet.allOf(DatasetKind.class)),
          new OptionSpec("--seed", "S", "seed of the generator", "42", EnumSet.allOf(DatasetKind.class)),
          new OptionSpec("--sequences", "K", "sequences, half falls (rounded up) and half ADLs",
              Integer.toString(DEFAULT_SEQUENCES), EnumSet.of(DatasetKind.URFALL)),
          new OptionSpec("--frames", "F", "mean frames per sequence (each gets F-10..F+10)",
              Integer.toString(DEFAULT_FRAMES), EnumSet.of(DatasetKind.URFALL)),
          new OptionSpec("--clips", "K", "clips", Integer.toString(DEFAULT_CLIPS), EnumSet.of(DatasetKind.VAST)),
          new OptionSpec("--overwrite", null, "replace an existing directory written by sample-data", "off",
              EnumSet.allOf(DatasetKind.class)),
          new OptionSpec("--help", null, "print this help and exit", null, EnumSet.allOf(DatasetKind.class)));

  private SampleDataCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || PrepCommand.isHelp(args[0])) {
      (args.length == 0 ? err : out).print(generalHelp());
      return args.length == 0 ? PrepCommand.BAD_USAGE : PrepCommand.OK;
    }
    DatasetKind kind;
    try {
      kind = DatasetKind.parse(args[0]);
    } catch (IllegalArgumentException e) {
      err.println("sample-data: " + e.getMessage());
      return PrepCommand.BAD_USAGE;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    if (Arrays.stream(rest).anyMatch(PrepCommand::isHelp)) {
      out.print(help(kind));
      return PrepCommand.OK;
    }
    Path dir;
    long seed;
    boolean overwrite;
    UrFallSampleGenerator.Config urfall = null;
    VastSampleGenerator.Config vast = null;
    try {
      Map<String, String> v = ArgParser.parse(rest, OPTIONS, kind, "sample-data");
      if (!v.containsKey("--out") || v.get("--out").isBlank()) {
        throw new IllegalArgumentException("--out is required");
      }
      dir = Path.of(v.get("--out"));
      seed = v.containsKey("--seed") ? ArgParser.parseLong("--seed", v.get("--seed")) : PrepOptions.DEFAULT_SEED;
      overwrite = v.containsKey("--overwrite");
      if (kind == DatasetKind.URFALL) {
        urfall = new UrFallSampleGenerator.Config(
            intOr(v, "--sequences", DEFAULT_SEQUENCES), intOr(v, "--frames", DEFAULT_FRAMES), seed);
      } else {
        vast = new VastSampleGenerator.Config(intOr(v, "--clips", DEFAULT_CLIPS), seed);
      }
      AtomicOutput.checkTarget(dir.toAbsolutePath().normalize(), overwrite, marker(kind));
    } catch (IllegalArgumentException e) {
      err.println("sample-data " + kind.wireName() + ": " + e.getMessage());
      err.println("Run 'sample-data " + kind.wireName() + " --help' for the options.");
      return PrepCommand.BAD_USAGE;
    }
    AtomicOutput target = AtomicOutput.begin(dir, overwrite, marker(kind));
    boolean done = false;
    try {
      if (urfall != null) {
        UrFallSampleGenerator.write(target.dir(), urfall);
      } else {
        VastSampleGenerator.write(target.dir(), vast);
      }
      target.commit();
      done = true;
      out.println("sample-data " + kind.wireName() + ": wrote " + dir + " (seed " + seed + ")");
      return PrepCommand.OK;
    } catch (IOException e) {
      err.println("sample-data " + kind.wireName() + ": failed: " + e);
      return PrepCommand.FAILED;
    } finally {
      if (!done) {
        target.abort();
      }
    }
  }

  /** The file whose presence marks a folder written by sample-data (so --overwrite may replace it). */
  static String marker(DatasetKind kind) {
    return kind == DatasetKind.URFALL ? FeatureCsv.FALLS : "annotations.json";
  }

  static String generalHelp() {
    return """
        Usage: sample-data urfall|vast --out DIR [options]
        Writes a small, seeded, generated dataset in the real UR-FALL or VAST layout (learnable: every modality
        reflects the sample's label or caption topic with noise). Run 'sample-data urfall --help' or
        'sample-data vast --help' for the options.
        """;
  }

  static String help(DatasetKind kind) {
    String what =
        kind == DatasetKind.URFALL
            ? "Usage: sample-data urfall --out DIR [--seed S] [--sequences K] [--frames F] [--overwrite]\n"
                + "Writes urfall-cam0-falls.csv, urfall-cam0-adls.csv, {seq}-data.csv, {seq}-acc.csv and\n"
                + "{seq}-cam0-rgb/ folders (even sequences) or {seq}-cam0-rgb.zip archives (odd) of 32x24 PNG frames.\n"
            : "Usage: sample-data vast --out DIR [--seed S] [--clips K] [--overwrite]\n"
                + "Writes annotations.json (JSON array), vision/{clip_id}.npy (2-D float32, 48 columns) and\n"
                + "audio/{clip_id}.npy (1-D float64, 32 values); captions like 'a man plays guitar on a stage'.\n";
    return what + HelpText.options(OPTIONS, kind);
  }

  private static int intOr(Map<String, String> v, String name, int dflt) {
    return v.containsKey(name) ? ArgParser.parseInt(name, v.get(name)) : dflt;
  }
}
