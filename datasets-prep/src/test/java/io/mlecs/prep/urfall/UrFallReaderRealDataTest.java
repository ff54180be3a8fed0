package io.mlecs.prep.urfall;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.prep.TestData;
import io.mlecs.prep.source.BadRows;
import io.mlecs.prep.source.RawSample;
import io.mlecs.prep.source.SourceDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrFallReaderRealDataTest {
  private static SourceDataset real;

  @BeforeAll
  static void readRealFile() {
    real = UrFallReader.read(TestData.realUrFall(), false, BadRows.strict());
  }

  @Test
  void readsEveryRowOfTheRealFallsFile() {
    assertEquals(TestData.REAL_FALLS_ROWS, real.samples().size());
    Map<Integer, Long> labels =
        real.samples().stream().collect(Collectors.groupingBy(RawSample::label, TreeMap::new, Collectors.counting()));
    assertEquals(Map.of(0, (long) TestData.REAL_NOT_LYING, 1, (long) TestData.REAL_TEMPORARY, 2, (long) TestData.REAL_LYING), labels);
    assertEquals(TestData.REAL_FALL_SEQUENCES, real.samples().stream().map(RawSample::groupId).distinct().count());
    assertEquals(0, real.badRows().count());
  }

  @Test
  void firstAndLastRowsAreParsedExactly() {
    RawSample first = real.samples().get(0);
    assertEquals("fall-01:00001", first.sampleId());
    assertEquals("fall-01", first.groupId());
    assertEquals(0, first.label());
    assertEquals("0", first.targetText());
    assertArrayEquals(
        new float[] {3.1667f, 2.9098f, 0.55367f, 126.0258f, 1.0324f, 1899.5366f, 1055.9988f, 0.04731f},
        first.features().get(UrFallReader.DEPTH));
    // the file's last line has no trailing newline: it must still be read
    // last line: fall-30,70,1,0.32056,4.2978,0.47247,403.0642,0.19232,353.8679,243.581,1
    RawSample last = real.samples().get(real.samples().size() - 1);
    assertEquals("fall-30:00070", last.sampleId());
    assertEquals(2, last.label());
    assertArrayEquals(
        new float[] {0.32056f, 4.2978f, 0.47247f, 403.0642f, 0.19232f, 353.8679f, 243.581f, 1f},
        last.features().get(UrFallReader.DEPTH));
  }

  @Test
  void onlyDepthIsPresentAndTheMissingModalitiesAreExplained() {
    for (RawSample s : real.samples()) {
      assertEquals(Set.of(UrFallReader.DEPTH), s.features().keySet());
    }
    assertEquals(Map.of("sequence has no {seq}-cam0-rgb folder or zip", 30), real.missingReasons().get("rgb"));
    assertEquals(Map.of("sequence has no {seq}-data.csv", 30), real.missingReasons().get("acce"));
    assertEquals(1, real.sources().size());
    assertEquals("urfall-cam0-falls.csv", real.sources().get(0).path());
    assertEquals(64, real.sources().get(0).sha256().length());
  }

  @Test
  void aTrailingNewlineChangesNothing(@TempDir Path dir) throws Exception {
    byte[] bytes = Files.readAllBytes(TestData.realUrFall().resolve(FeatureCsv.FALLS));
    assertTrue(bytes[bytes.length - 1] != '\n', "the real file ends without a newline");
    Files.write(dir.resolve(FeatureCsv.FALLS), (new String(bytes, "UTF-8") + "\n").getBytes("UTF-8"));
    SourceDataset withNewline = UrFallReader.read(dir, false, BadRows.strict());
    assertEquals(real.samples().size(), withNewline.samples().size());
    for (int i = 0; i < real.samples().size(); i++) {
      assertArrayEquals(
          real.samples().get(i).features().get("depth"), withNewline.samples().get(i).features().get("depth"));
    }
  }
}
