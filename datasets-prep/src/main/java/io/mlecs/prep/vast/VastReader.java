package io.mlecs.prep.vast;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a VAST folder (see the package documentation) into one {@link RawSample} per clip. */
public final class VastReader {
  /** Modality names. */
  public static final String VISION = "vision";
  public static final String AUDIO = "audio";
  public static final String SUBTITLE = "subtitle";
  /** Default annotation file names, tried in this order when {@code --annotations} is not given. */
  public static final List<String> DEFAULT_ANNOTATIONS = List.of("annotations.json", "annotations.jsonl");

  private VastReader() {}

  /**
   * @param input the VAST folder
   * @param annotations annotation file name inside {@code input}, or null to use the default names
   * @param subsetSize clips to keep (seeded subset, {@link ClipSubset})
   * @param subsetSeed the subset seed
   * @param bad bad-row policy; a skipped clip is not replaced, so fewer than {@code subsetSize} may remain
   */
  public static SourceDataset read(Path input, String annotations, int subsetSize, long subsetSeed, BadRows bad) {
    if (!Files.isDirectory(input)) {
      throw new BadInputException(input.toString(), "input is not a directory");
    }
    String annName = annotationName(input, annotations);
    Path annFile = input.resolve(annName);
    List<VastAnnotation> all = AnnotationParser.parse(annFile, annName, bad);
    List<VastAnnotation> chosen = ClipSubset.select(all, subsetSize, subsetSeed);
    Map<String, Path> visionFiles = new TreeMap<>();
    Map<String, Path> audioFiles = new TreeMap<>();
    int[] dims = {-1, -1};
    MissingReasons missing = new MissingReasons();
    List<RawSample> samples = new ArrayList<>();
    for (VastAnnotation a : chosen) {
      try {
        float[] vision = features(input, VISION, a, dims, 0);
        float[] audio = features(input, AUDIO, a, dims, 1);
        visionFiles.put(a.clipId() + ".npy", input.resolve(VISION).resolve(a.clipId() + ".npy"));
        audioFiles.put(a.clipId() + ".npy", input.resolve(AUDIO).resolve(a.clipId() + ".npy"));
        Map<String, String> texts = new HashMap<>();
        if (a.subtitle() != null) {
          texts.put(SUBTITLE, a.subtitle());
        } else {
          missing.add(SUBTITLE, "record has no subtitle");
        }
        samples.add(new RawSample(a.clipId(), a.clipId(), Map.of(VISION, vision, AUDIO, audio), texts, a.vastCap(), null));
      } catch (BadInputException e) {
        bad.report(e);
      }
    }
    if (samples.isEmpty()) {
      throw new BadInputException(annName, "no usable clips");
    }
    List<SourceFile> sources = new ArrayList<>();
    sources.add(SourceDigests.file(annFile, annName));
    sources.add(SourceDigests.folder(VISION, visionFiles));
    sources.add(SourceDigests.folder(AUDIO, audioFiles));
    List<ModalitySpec> modalities =
        List.of(ModalitySpec.vector(VISION, dims[0]), ModalitySpec.vector(AUDIO, dims[1]), ModalitySpec.text(SUBTITLE));
    Map<String, Object> subset = new LinkedHashMap<>();
    subset.put("requested", subsetSize);
    subset.put("available", all.size());
    subset.put("selected", chosen.size());
    subset.put("kept", samples.size());
    subset.put("seed", subsetSeed);
    return new SourceDataset(
        "vast", "captioning", modalities, samples, sources, bad, missing.asMap(), Map.of("subset", subset));
  }

  /** The three modality names in order, for option validation before any file is read. */
  public static List<String> modalityNames() {
    return List.of(VISION, AUDIO, SUBTITLE);
  }

  private static String annotationName(Path input, String annotations) {
    if (annotations != null) {
      if (!Files.isRegularFile(input.resolve(annotations))) {
        throw new BadInputException(annotations, "annotation file not found in the input directory");
      }
      return annotations;
    }
    List<String> found = new ArrayList<>();
    for (String name : DEFAULT_ANNOTATIONS) {
      if (Files.isRegularFile(input.resolve(name))) {
        found.add(name);
      }
    }
    if (found.size() != 1) {
      throw new BadInputException(
          input.toString(),
          (found.isEmpty() ? "no " : "both ") + String.join(" and ", DEFAULT_ANNOTATIONS)
              + (found.isEmpty() ? " in the input directory" : " exist; pick one with --annotations"));
    }
    return found.get(0);
  }

  private static float[] features(Path input, String modality, VastAnnotation a, int[] dims, int slot) {
    String rel = modality + "/" + a.clipId() + ".npy";
    Path file = input.resolve(modality).resolve(a.clipId() + ".npy");
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(rel, "missing .npy file: clip_id '" + a.clipId() + "' (" + a.location() + ") has no " + modality + " features");
    }
    float[] v = NpyReader.read(file, rel).vector();
    if (dims[slot] < 0) {
      dims[slot] = v.length;
    } else if (dims[slot] != v.length) {
      throw new BadInputException(rel, modality + " feature length " + v.length + " differs from " + dims[slot] + " of earlier clips");
    }
    return v;
  }
}
