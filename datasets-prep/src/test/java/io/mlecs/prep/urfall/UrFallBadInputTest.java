package io.mlecs.prep.urfall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.prep.source.BadInputException;
import io.mlecs.prep.source.BadRows;
import io.mlecs.prep.source.SourceDataset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrFallBadInputTest {
  private static final String GOOD1 = "fall-01,1,-1,3.1667,2.9098,0.55367,126.0258,1.0324,1899.5366,1055.9988,0.04731";
  private static final String GOOD2 = "fall-01,2,0,3.3067,2.9699,0.47876,125.5657,1.1251,2070.1193,1065.9506,0.048175";
  private static final String GOOD3 = "fall-01,3,1,3.1408,3.0506,0.54374,123.157,1.0161,1869.6442,1055.4955,0.05018";

  @TempDir Path dir;

  private BadInputException strictFailure(String... lines) throws Exception {
    Files.writeString(dir.resolve(FeatureCsv.FALLS), String.join("\n", lines), StandardCharsets.UTF_8);
    return assertThrows(BadInputException.class, () -> UrFallReader.read(dir, false, BadRows.strict()));
  }

  @Test
  void wrongColumnCountNamesFileLineAndRow() throws Exception {
    BadInputException e = strictFailure(GOOD1, "fall-01,2,0,3.3067,2.9699", GOOD3);
    assertEquals("urfall-cam0-falls.csv:2: expected 11 columns, found 5: 'fall-01,2,0,3.3067,2.9699'", e.getMessage());
  }

  @Test
  void malformedNumberNamesColumnAndValue() throws Exception {
    BadInputException e = strictFailure(GOOD1, GOOD2.replace("125.5657", "12x.5"));
    assertEquals("urfall-cam0-falls.csv:2: column MaxStdXZ is not a finite number: '12x.5'", e.getMessage());
    e = strictFailure(GOOD1, GOOD2.replace("125.5657", "NaN"));
    assertEquals("urfall-cam0-falls.csv:2: column MaxStdXZ is not a finite number: 'NaN'", e.getMessage());
    e = strictFailure(GOOD1, "fall-01,2.5,0,3.3067,2.9699,0.47876,125.5657,1.1251,2070.1193,1065.9506,0.048175");
    assertEquals("urfall-cam0-falls.csv:2: column frame is not an integer: '2.5'", e.getMessage());
  }

  @Test
  void unknownLabelIsRejected() throws Exception {
    BadInputException e = strictFailure(GOOD1, GOOD2, GOOD3.replace("fall-01,3,1,", "fall-01,3,2,"));
    assertEquals("urfall-cam0-falls.csv:3: unknown label '2' (expected -1, 0 or 1)", e.getMessage());
  }

  @Test
  void duplicateFrameIsRejected() throws Exception {
    BadInputException e = strictFailure(GOOD1, GOOD2, GOOD2);
    assertEquals(
        "urfall-cam0-falls.csv:3: duplicate frame fall-01 frame 2 (first at urfall-cam0-falls.csv:2)", e.getMessage());
  }

  @Test
  void blankLinesKeepTheirLineNumbers() throws Exception {
    BadInputException e = strictFailure(GOOD1, "", GOOD2.replace(",0,", ",7,"));
    assertTrue(e.getMessage().startsWith("urfall-cam0-falls.csv:3: unknown label '7'"), e.getMessage());
  }

  @Test
  void skipBadRowsCountsAndKeepsExamples() throws Exception {
    Files.writeString(
        dir.resolve(FeatureCsv.FALLS),
        String.join("\n", GOOD1, "garbage", GOOD2.replace(",0,", ",5,"), GOOD3),
        StandardCharsets.UTF_8);
    SourceDataset ds = UrFallReader.read(dir, false, BadRows.skipping());
    assertEquals(2, ds.samples().size());
    assertEquals(2, ds.badRows().count());
    assertEquals("urfall-cam0-falls.csv:2: expected 11 columns, found 1: 'garbage'", ds.badRows().examples().get(0));
    assertTrue(ds.badRows().examples().get(1).contains("unknown label '5'"));
  }

  @Test
  void missingFeatureFilesAreBadInput() {
    BadInputException e = assertThrows(BadInputException.class, () -> UrFallReader.read(dir, false, BadRows.strict()));
    assertTrue(e.getMessage().endsWith("no urfall-cam0-falls.csv or urfall-cam0-adls.csv in the input directory"));
  }

  @Test
  void badAccelerometerLineNamesItsFile() throws Exception {
    Files.writeString(dir.resolve(FeatureCsv.FALLS), String.join("\n", GOOD1, GOOD2), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("fall-01-data.csv"), "1,0,1.0\n2,33,abc\n");
    Files.writeString(dir.resolve("fall-01-acc.csv"), "0,1.0,0,-1,0\n");
    BadInputException e = assertThrows(BadInputException.class, () -> UrFallReader.read(dir, false, BadRows.strict()));
    assertEquals("fall-01-data.csv:2: column #3 is not a finite number: 'abc'", e.getMessage());
    Files.writeString(dir.resolve("fall-01-data.csv"), "1,0,1.0\n2,33,1.0\n");
    Files.writeString(dir.resolve("fall-01-acc.csv"), "0,1.0,0,-1\n");
    e = assertThrows(BadInputException.class, () -> UrFallReader.read(dir, false, BadRows.strict()));
    assertEquals("fall-01-acc.csv:1: expected 5 columns, found 4: '0,1.0,0,-1'", e.getMessage());
  }

  @Test
  void corruptImageNamesTheArchiveEntry() throws Exception {
    Files.writeString(dir.resolve(FeatureCsv.FALLS), GOOD1 + "\n" + GOOD2, StandardCharsets.UTF_8);
    Path frames = Files.createDirectories(dir.resolve("fall-01-cam0-rgb"));
    Files.write(frames.resolve("fall-01-cam0-rgb-001.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    BadInputException e = assertThrows(BadInputException.class, () -> UrFallReader.read(dir, false, BadRows.strict()));
    assertTrue(
        e.getMessage().startsWith("fall-01-cam0-rgb/fall-01-cam0-rgb-001.png: "), e.getMessage());
    assertTrue(e.getMessage().endsWith("(row urfall-cam0-falls.csv:1)"), e.getMessage());
    SourceDataset skipped = UrFallReader.read(dir, false, BadRows.skipping());
    assertEquals(1, skipped.badRows().count());
    assertEquals(1, skipped.samples().size());
    assertEquals("fall-01:00002", skipped.samples().get(0).sampleId());
  }
}
