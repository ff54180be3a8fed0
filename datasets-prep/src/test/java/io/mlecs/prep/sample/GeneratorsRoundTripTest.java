package io.mlecs.prep.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.prep.source.BadRows;
import io.mlecs.prep.source.RawSample;
import io.mlecs.prep.source.SourceDataset;
import io.mlecs.prep.urfall.FeatureCsv;
import io.mlecs.prep.urfall.ImageFeatures;
import io.mlecs.prep.urfall.UrFallReader;
import io.mlecs.prep.vast.VastReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorsRoundTripTest {
  @TempDir Path dir;

  @Test
  void urfallGeneratorWritesTheRealLayoutAndRoundTrips() throws Exception {
    UrFallSampleGenerator.write(dir, new UrFallSampleGenerator.Config(12, 60, 42));
    assertTrue(Files.isRegularFile(dir.resolve(FeatureCsv.FALLS)));
    assertTrue(Files.isRegularFile(dir.resolve(FeatureCsv.ADLS)));
    assertTrue(Files.isRegularFile(dir.resolve("fall-01-data.csv")));
    assertTrue(Files.isRegularFile(dir.resolve("adl-06-acc.csv")));
    assertTrue(Files.isRegularFile(dir.resolve("fall-01-cam0-rgb/fall-01-cam0-rgb-001.png")));
    assertTrue(Files.isRegularFile(dir.resolve("fall-02-cam0-rgb.zip")));
    byte[] falls = Files.readAllBytes(dir.resolve(FeatureCsv.FALLS));
    assertTrue(falls[falls.length - 1] != '\n', "like the real file: no newline after the last row");
    String first = Files.readAllLines(dir.resolve(FeatureCsv.FALLS)).get(0);
    assertTrue(first.matches("fall-01,1,-1(,[-0-9.]+){8}"), first);

    SourceDataset ds = UrFallReader.read(dir, false, BadRows.strict());
    assertEquals(0, ds.badRows().count());
    assertEquals(12, ds.samples().stream().map(RawSample::groupId).distinct().count());
    assertTrue(ds.samples().size() >= 12 * 50 && ds.samples().size() <= 12 * 70, "~60 frames per sequence");
    for (RawSample s : ds.samples()) {
      assertEquals(Set.of("rgb", "depth", "acce"), s.features().keySet(), s.sampleId());
      assertEquals(ImageFeatures.DIM, s.features().get("rgb").length);
    }
    Map<Integer, Long> labels =
        ds.samples().stream().collect(Collectors.groupingBy(RawSample::label, TreeMap::new, Collectors.counting()));
    assertEquals(Set.of(0, 1, 2), labels.keySet());
    assertTrue(ds.missingReasons().isEmpty(), ds.missingReasons().toString());
    assertEquals(2 + 12 * 3, ds.sources().size());
  }

  @Test
  void urfallGeneratorIsDeterministic(@TempDir Path other) throws Exception {
    UrFallSampleGenerator.write(dir, new UrFallSampleGenerator.Config(4, 30, 7));
    UrFallSampleGenerator.write(other, new UrFallSampleGenerator.Config(4, 30, 7));
    assertSameTree(dir, other);
  }

  @Test
  void urfallGeneratedDataIsLearnableAndMoreModalitiesHelp() throws Exception {
    UrFallSampleGenerator.write(dir, new UrFallSampleGenerator.Config(30, 60, 42));
    LearnabilityProbe probe = new LearnabilityProbe(UrFallReader.read(dir, false, BadRows.strict()).samples(), RawSample::label, 3);
    double rgb = probe.accuracy(List.of("rgb"));
    double depth = probe.accuracy(List.of("depth"));
    double acce = probe.accuracy(List.of("acce"));
    double depthAcce = probe.accuracy(List.of("depth", "acce"));
    double all = probe.accuracy(List.of("rgb", "depth", "acce"));
    String report = String.format("rgb %.3f depth %.3f acce %.3f depth+acce %.3f all %.3f", rgb, depth, acce, depthAcce, all);
    System.out.println("urfall learnability: " + report);
    for (double single : new double[] {rgb, depth, acce}) {
      assertTrue(single > 0.65 && single < 0.9, "each modality alone is informative but imperfect: " + report);
    }
    assertTrue(depthAcce > Math.max(depth, acce) + 0.04, report);
    assertTrue(all > Math.max(depthAcce, rgb) + 0.02, report);
  }

  @Test
  void vastGeneratorWritesTheLayoutAndRoundTrips() throws Exception {
    VastSampleGenerator.write(dir, new VastSampleGenerator.Config(400, 42));
    SourceDataset ds = VastReader.read(dir, null, 9680, 42, BadRows.strict());
    assertEquals(400, ds.samples().size());
    assertEquals(VastSampleGenerator.VISION_DIM, ds.modalities().get(0).dim());
    assertEquals(VastSampleGenerator.AUDIO_DIM, ds.modalities().get(1).dim());
    long subtitles = ds.samples().stream().filter(s -> s.texts().containsKey("subtitle")).count();
    assertTrue(subtitles > 320 && subtitles < 390, "about 10 % of clips have no subtitle: " + subtitles);
    for (RawSample s : ds.samples()) {
      assertTrue(s.targetText().matches("a [a-z]+ [a-z ]+"), s.targetText());
      assertEquals(Set.of("vision", "audio"), s.features().keySet());
    }
    String json = Files.readString(dir.resolve("annotations.json"));
    assertTrue(json.startsWith("[\n{\"clip_id\":"), json.substring(0, 40));
    assertTrue(json.contains("\"vision_cap\":[") && json.contains("\"audio_cap\":[") && json.contains("\"subtitle\":["));
  }

  @Test
  void vastGeneratorIsDeterministic(@TempDir Path other) throws Exception {
    VastSampleGenerator.write(dir, new VastSampleGenerator.Config(30, 3));
    VastSampleGenerator.write(other, new VastSampleGenerator.Config(30, 3));
    assertSameTree(dir, other);
  }

  @Test
  void vastGeneratedDataIsLearnableAndMoreModalitiesHelp() throws Exception {
    VastSampleGenerator.write(dir, new VastSampleGenerator.Config(1200, 42));
    List<RawSample> samples = VastReader.read(dir, null, 9680, 1, BadRows.strict()).samples();
    LearnabilityProbe topic = new LearnabilityProbe(samples, s -> topicOf(s.targetText()), VastTopics.TOPICS.size());
    double vision = topic.accuracy(List.of("vision"));
    double audio = topic.accuracy(List.of("audio"));
    double subtitle = topic.accuracy(List.of("subtitle"));
    double va = topic.accuracy(List.of("vision", "audio"));
    double all = topic.accuracy(List.of("vision", "audio", "subtitle"));
    String report = String.format("vision %.3f audio %.3f subtitle %.3f v+a %.3f all %.3f", vision, audio, subtitle, va, all);
    System.out.println("vast learnability: " + report);
    for (double single : new double[] {vision, audio, subtitle}) {
      assertTrue(single > 0.4 && single < 0.85, "chance is 0.125; each alone is imperfect: " + report);
    }
    assertTrue(va > Math.max(vision, audio) + 0.08, report);
    assertTrue(all > va + 0.02, report);
    // the caption's other words are learnable too: the subject from vision, the action from audio
    LearnabilityProbe subject = new LearnabilityProbe(samples, s -> subjectOf(s.targetText()), 7);
    assertTrue(subject.accuracy(List.of("vision")) > subject.accuracy(List.of("audio")) + 0.15, "vision knows the subject");
  }

  static int topicOf(String caption) {
    for (int t = 0; t < VastTopics.TOPICS.size(); t++) {
      for (String a : VastTopics.TOPICS.get(t).actions()) {
        if (caption.contains(" " + a + " ")) {
          return t;
        }
      }
    }
    throw new AssertionError(caption);
  }

  static int subjectOf(String caption) {
    List<String> subjects = List.of("man", "woman", "boy", "girl", "dog", "cat", "horse");
    return subjects.indexOf(caption.split(" ")[1]);
  }

  static void assertSameTree(Path a, Path b) throws Exception {
    List<Path> filesA;
    List<Path> filesB;
    try (Stream<Path> s = Files.walk(a)) {
      filesA = s.filter(Files::isRegularFile).map(a::relativize).sorted().toList();
    }
    try (Stream<Path> s = Files.walk(b)) {
      filesB = s.filter(Files::isRegularFile).map(b::relativize).sorted().toList();
    }
    assertEquals(filesA, filesB);
    for (Path p : filesA) {
      assertArrayEquals(Files.readAllBytes(a.resolve(p)), Files.readAllBytes(b.resolve(p)), p.toString());
    }
  }
}
