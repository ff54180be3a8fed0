package io.mlecs.prep.urfall;

import io.mlecs.prep.source.BadInputException;
import io.mlecs.prep.source.BadRows;
import io.mlecs.prep.source.MissingReasons;
import io.mlecs.prep.source.ModalitySpec;
import io.mlecs.prep.source.RawSample;
import io.mlecs.prep.source.SourceDataset;
import io.mlecs.prep.source.SourceDigests;
import io.mlecs.prep.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads a UR-FALL folder (see the package documentation) into one {@link RawSample} per frame. */
public final class UrFallReader {
  /** Modality names. */
  public static final String RGB = "rgb";
  public static final String DEPTH = "depth";
  public static final String ACCE = "acce";
  /** Modality order: bit 0 rgb, bit 1 depth, bit 2 acce. */
  public static final List<ModalitySpec> MODALITIES =
      List.of(
          ModalitySpec.vector(RGB, ImageFeatures.DIM),
          ModalitySpec.vector(DEPTH, FeatureCsv.DEPTH_FEATURES.size()),
          ModalitySpec.vector(ACCE, 3));

  private UrFallReader() {}

  /**
   * @param input the folder holding the feature CSVs (and per-sequence files)
   * @param zscore z-score every vector modality per sequence ({@link SequenceZScore})
   * @param bad bad-row policy
   */
  public static SourceDataset read(Path input, boolean zscore, BadRows bad) {
    if (!Files.isDirectory(input)) {
      throw new BadInputException(input.toString(), "input is not a directory");
    }
    List<SourceFile> sources = new ArrayList<>();
    List<FrameRecord> frames = new ArrayList<>();
    for (String name : List.of(FeatureCsv.FALLS, FeatureCsv.ADLS)) {
      Path csv = input.resolve(name);
      if (Files.isRegularFile(csv)) {
        frames.addAll(FeatureCsv.parse(csv, name, bad));
        sources.add(SourceDigests.file(csv, name));
      }
    }
    if (sources.isEmpty()) {
      throw new BadInputException(
          input.toString(), "no " + FeatureCsv.FALLS + " or " + FeatureCsv.ADLS + " in the input directory");
    }
    Map<String, Map<Integer, FrameRecord>> bySequence = bySequence(frames, bad);
    SequenceFiles files = new SequenceFiles(input);
    MissingReasons missing = new MissingReasons();
    List<RawSample> samples = new ArrayList<>();
    for (Map.Entry<String, Map<Integer, FrameRecord>> seq : bySequence.entrySet()) {
      Optional<AccelerometerTrack> acc = accelerometer(files, seq.getKey(), bad, missing, sources);
      Optional<RgbFrames> rgb = RgbFrames.open(files, seq.getKey());
      if (rgb.isEmpty()) {
        missing.add(RGB, "sequence has no {seq}-cam0-rgb folder or zip");
      }
      try {
        rgb.ifPresent(r -> sources.add(r.digest()));
        for (FrameRecord f : seq.getValue().values()) {
          RawSample s = sample(f, acc, rgb, missing, bad);
          if (s != null) {
            samples.add(s);
          }
        }
      } finally {
        rgb.ifPresent(RgbFrames::close);
      }
    }
    if (samples.isEmpty()) {
      throw new BadInputException(input.toString(), "no usable rows in the UR-FALL feature CSVs");
    }
    if (zscore) {
      samples = SequenceZScore.apply(samples);
    }
    return new SourceDataset(
        "urfall", "classification", MODALITIES, samples, sources, bad, missing.asMap(), Map.of());
  }

  private static Map<String, Map<Integer, FrameRecord>> bySequence(List<FrameRecord> frames, BadRows bad) {
    Map<String, Map<Integer, FrameRecord>> bySequence = new TreeMap<>();
    for (FrameRecord f : frames) {
      Map<Integer, FrameRecord> seq = bySequence.computeIfAbsent(f.sequence(), k -> new TreeMap<>());
      FrameRecord first = seq.putIfAbsent(f.frame(), f);
      if (first != null) {
        bad.report(
            f.location(),
            "duplicate frame " + f.sequence() + " frame " + f.frame() + " (first at " + first.location() + ")");
      }
    }
    return bySequence;
  }

  private static Optional<AccelerometerTrack> accelerometer(
      SequenceFiles files, String seq, BadRows bad, MissingReasons missing, List<SourceFile> sources) {
    Optional<Path> data = files.file(seq, SequenceFiles.dataCsv(seq));
    Optional<Path> acc = files.file(seq, SequenceFiles.accCsv(seq));
    if (data.isEmpty() || acc.isEmpty()) {
      missing.add(ACCE, data.isEmpty() ? "sequence has no {seq}-data.csv" : "sequence has no {seq}-acc.csv");
      return Optional.empty();
    }
    String dataRel = files.relative(data.get());
    String accRel = files.relative(acc.get());
    sources.add(SourceDigests.file(data.get(), dataRel));
    sources.add(SourceDigests.file(acc.get(), accRel));
    AccelerometerTrack track = AccelerometerTrack.read(data.get(), dataRel, acc.get(), accRel, bad);
    if (!track.hasSamples()) {
      missing.add(ACCE, "{seq}-acc.csv has no rows");
    }
    return Optional.of(track);
  }

  private static RawSample sample(
      FrameRecord f,
      Optional<AccelerometerTrack> acc,
      Optional<RgbFrames> rgb,
      MissingReasons missing,
      BadRows bad) {
    Map<String, float[]> features = new HashMap<>();
    features.put(DEPTH, f.depth());
    if (acc.isPresent()) {
      if (acc.get().covers(f.frame())) {
        features.put(ACCE, acc.get().axesAt(f.frame()));
      } else if (acc.get().hasSamples()) {
        missing.add(ACCE, "frame not listed in {seq}-data.csv (rows)");
      }
    }
    if (rgb.isPresent()) {
      if (rgb.get().has(f.frame())) {
        try {
          features.put(RGB, ImageFeatures.of(rgb.get().image(f.frame())));
        } catch (BadInputException e) {
          bad.report(new BadInputException(e.location(), e.problem() + " (row " + f.location() + ")"));
          return null;
        }
      } else {
        missing.add(RGB, "no image for the frame in {seq}-cam0-rgb (rows)");
      }
    }
    String id = String.format(java.util.Locale.ROOT, "%s:%05d", f.sequence(), f.frame());
    return new RawSample(id, f.sequence(), features, Map.of(), Integer.toString(f.label()), f.label());
  }
}
