package io.mlecs.prep.vast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.prep.sample.NpyWriter;
import io.mlecs.prep.source.BadInputException;
import io.mlecs.prep.source.BadRows;
import io.mlecs.prep.source.RawSample;
import io.mlecs.prep.source.SourceDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VastReaderTest {
  @TempDir Path dir;

  @BeforeEach
  void features() throws Exception {
    Files.createDirectories(dir.resolve("vision"));
    Files.createDirectories(dir.resolve("audio"));
    for (String id : List.of("c1", "c2", "c3")) {
      npy(id);
    }
  }

  private void npy(String id) throws Exception {
    Files.write(dir.resolve("vision/" + id + ".npy"), NpyWriter.bytes(1, false, new int[] {2, 4}, new double[] {1, 2, 3, 4, 3, 4, 5, 6}));
    Files.write(dir.resolve("audio/" + id + ".npy"), NpyWriter.bytes(2, true, new int[] {3}, new double[] {7, 8, 9}));
  }

  private SourceDataset read(String file, String text, BadRows bad) throws Exception {
    Files.writeString(dir.resolve(file), text);
    return VastReader.read(dir, null, 9680, 1, bad);
  }

  private BadInputException failure(String file, String text) throws Exception {
    Files.writeString(dir.resolve(file), text);
    return assertThrows(BadInputException.class, () -> VastReader.read(dir, null, 9680, 1, BadRows.strict()));
  }

  @Test
  void readsAJsonArrayWithStringAndListCaptions() throws Exception {
    SourceDataset ds =
        read("annotations.json", """
            [
             {"clip_id": "c2", "vast_cap": ["a dog runs in a park", "second"], "vision_cap": ["a dog"], "audio_cap": "barking",
              "subtitle": ["come here", "good boy"]},
             {"clip_id": "c1", "vast_cap": "a man plays guitar on a stage", "subtitle": ""}
            ]""", BadRows.strict());
    assertEquals("vast", ds.dataset());
    assertEquals("captioning", ds.task());
    assertEquals(List.of("vision", "audio", "subtitle"), ds.modalities().stream().map(m -> m.name()).toList());
    assertEquals(4, ds.modalities().get(0).dim());
    assertEquals(3, ds.modalities().get(1).dim());
    RawSample c1 = ds.samples().get(0);
    RawSample c2 = ds.samples().get(1);
    assertEquals("c1", c1.sampleId());
    assertEquals("a man plays guitar on a stage", c1.targetText());
    assertFalse(c1.texts().containsKey("subtitle"), "blank subtitle = missing modality");
    assertEquals("a dog runs in a park", c2.targetText(), "list caption: first entry");
    assertEquals("come here good boy", c2.texts().get("subtitle"), "list subtitle: joined");
    assertEquals(2f, c1.features().get("vision")[0], 1e-6f);
    assertEquals(9f, c1.features().get("audio")[2], 1e-6f);
    assertEquals(null, c1.label());
    assertEquals(1, ds.missingReasons().get("subtitle").get("record has no subtitle"));
    assertEquals(List.of("annotations.json", "audio/", "vision/"), ds.sources().stream().map(s -> s.path()).toList());
  }

  @Test
  void readsJsonLines() throws Exception {
    SourceDataset ds =
        read("annotations.jsonl", "{\"clip_id\":\"c1\",\"vast_cap\":\"a\"}\n\n{\"clip_id\":\"c3\",\"vast_cap\":\"b\",\"subtitle\":\"hi\"}", BadRows.strict());
    assertEquals(2, ds.samples().size());
    assertEquals("hi", ds.samples().get(1).texts().get("subtitle"));
  }

  @Test
  void jsonSyntaxErrorsNameLineAndColumn() throws Exception {
    BadInputException e = failure("annotations.json", "[\n{\"clip_id\": \"c1\", \"vast_cap\": \"a\"},\n{\"clip_id\": \"c2\" \"vast_cap\": \"b\"}\n]");
    assertTrue(e.getMessage().startsWith("annotations.json:3 column 19: JSON syntax error: Unexpected character ('\"'"), e.getMessage());
    Files.delete(dir.resolve("annotations.json"));
    e = failure("annotations.jsonl", "{\"clip_id\":\"c1\",\"vast_cap\":\"a\"}\n{\"clip_id\":\"c2\",\"vast_cap\":\"b\"");
    assertTrue(e.getMessage().startsWith("annotations.jsonl:2: JSON syntax error: Unexpected end-of-input"), e.getMessage());
    Files.delete(dir.resolve("annotations.jsonl"));
    e = failure("annotations.jsonl", "{\"clip_id\":\"c1\",\"vast_cap\":\"a\"} {\"x\":1}");
    assertTrue(e.getMessage().startsWith("annotations.jsonl:1: JSON syntax error: Trailing token"), e.getMessage());
  }

  @Test
  void badRecordsNameRecordAndValue() throws Exception {
    assertEquals("annotations.json record #1 (line 3): clip 'c2' has no vast_cap (the target caption)",
        failure("annotations.json", "[\n{\"clip_id\":\"c1\",\"vast_cap\":\"a\"},\n{\"clip_id\":\"c2\"}]").getMessage());
    assertEquals("annotations.json record #0 (line 1): field clip_id must be a string, got 17",
        failure("annotations.json", "[{\"clip_id\":17,\"vast_cap\":\"a\"}]").getMessage());
    assertEquals("annotations.json record #0 (line 1): field subtitle must be a string or a list of strings, got NUMBER: 3",
        failure("annotations.json", "[{\"clip_id\":\"c1\",\"vast_cap\":\"a\",\"subtitle\":3}]").getMessage());
    assertEquals("annotations.json record #0 (line 1): clip_id is not usable as a file name: '../c1'",
        failure("annotations.json", "[{\"clip_id\":\"../c1\",\"vast_cap\":\"a\"}]").getMessage());
    assertEquals("annotations.json record #1 (line 1): duplicate clip_id 'c1' (first at annotations.json record #0 (line 1))",
        failure("annotations.json", "[{\"clip_id\":\"c1\",\"vast_cap\":\"a\"},{\"clip_id\":\"c1\",\"vast_cap\":\"b\"}]").getMessage());
  }

  @Test
  void clipWithoutFeaturesOrWithTruncatedFeaturesIsBadInput() throws Exception {
    BadInputException e = failure("annotations.json", "[{\"clip_id\":\"c9\",\"vast_cap\":\"a\"}]");
    assertEquals("vision/c9.npy: missing .npy file: clip_id 'c9' (annotations.json record #0 (line 1)) has no vision features", e.getMessage());
    byte[] full = Files.readAllBytes(dir.resolve("audio/c1.npy"));
    Files.write(dir.resolve("audio/c1.npy"), java.util.Arrays.copyOf(full, full.length - 8));
    e = failure("annotations.json", "[{\"clip_id\":\"c1\",\"vast_cap\":\"a\"}]");
    assertEquals("audio/c1.npy: truncated .npy data: shape [3] needs 24 bytes, found 16", e.getMessage());
  }

  @Test
  void skipBadRowsSkipsBadClipsAndRecords() throws Exception {
    Files.delete(dir.resolve("audio/c2.npy"));
    SourceDataset ds =
        read("annotations.jsonl",
            "{\"clip_id\":\"c1\",\"vast_cap\":\"a\"}\n{\"clip_id\":\"c2\",\"vast_cap\":\"b\"}\n{oops\n{\"clip_id\":\"c3\",\"vast_cap\":\"c\"}\n",
            BadRows.skipping());
    assertEquals(List.of("c1", "c3"), ds.samples().stream().map(RawSample::sampleId).toList());
    assertEquals(2, ds.badRows().count());
    assertTrue(ds.badRows().examples().get(0).startsWith("annotations.jsonl:3: JSON syntax error"));
    assertTrue(ds.badRows().examples().get(1).startsWith("audio/c2.npy: missing .npy file: clip_id 'c2'"));
  }

  @Test
  void subsetIsSeededAndOnlyReadsChosenClips() throws Exception {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < 40; i++) {
      b.append(i == 0 ? "" : ",").append("{\"clip_id\":\"k").append(i).append("\",\"vast_cap\":\"x\"}");
      npy("k" + i);
    }
    Files.writeString(dir.resolve("annotations.json"), b.append("]").toString());
    Files.delete(dir.resolve("vision/k7.npy")); // would fail only if k7 were chosen
    SourceDataset a = VastReader.read(dir, null, 10, 5, BadRows.strict());
    SourceDataset again = VastReader.read(dir, "annotations.json", 10, 5, BadRows.strict());
    assertEquals(10, a.samples().size());
    assertEquals(a.samples().stream().map(RawSample::sampleId).toList(), again.samples().stream().map(RawSample::sampleId).toList());
    assertFalse(a.samples().stream().anyMatch(s -> s.sampleId().equals("k7")));
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> subset = (java.util.Map<String, Object>) a.extra().get("subset");
    assertEquals(40, subset.get("available"));
    assertEquals(10, subset.get("kept"));
  }

  @Test
  void annotationFileMustBeUnambiguous() throws Exception {
    Files.writeString(dir.resolve("annotations.json"), "[]");
    Files.writeString(dir.resolve("annotations.jsonl"), "");
    BadInputException e = assertThrows(BadInputException.class, () -> VastReader.read(dir, null, 10, 1, BadRows.strict()));
    assertTrue(e.getMessage().endsWith("both annotations.json and annotations.jsonl exist; pick one with --annotations"), e.getMessage());
    e = assertThrows(BadInputException.class, () -> VastReader.read(dir, "annotations.json", 10, 1, BadRows.strict()));
    assertEquals("annotations.json: no usable clips", e.getMessage());
  }
}
