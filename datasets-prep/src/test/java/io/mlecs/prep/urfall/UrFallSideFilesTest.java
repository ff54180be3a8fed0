package io.mlecs.prep.urfall;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.prep.source.BadRows;
import io.mlecs.prep.source.RawSample;
import io.mlecs.prep.source.SourceDataset;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrFallSideFilesTest {
  @TempDir Path dir;

  private void features(String... seqs) throws Exception {
    StringBuilder b = new StringBuilder();
    for (String s : seqs) {
      for (int f = 1; f <= 3; f++) {
        b.append(s).append(',').append(f).append(",-1,1,2,0.5,100,1,1800,1000,0.05\n");
      }
    }
    Files.writeString(dir.resolve(FeatureCsv.FALLS), b.toString());
  }

  @Test
  void acceIsTheNearestAccRowToTheFrameTime() throws Exception {
    features("fall-01");
    // header line, then frames at 0, 33, 66 ms
    Files.writeString(dir.resolve("fall-01-data.csv"), "Frame,Time,SV\n1,0,1.0\n2,33,1.0\n3,66,1.0\n");
    // unsorted acc rows: 60 is nearer to 66 than 80; 33 ties between 20 and 46 -> the earlier (20)
    Files.writeString(
        dir.resolve("fall-01-acc.csv"),
        "80,1,0.8,0.8,0.8\n0,1,0.0,-1.0,0.0\n20,1,0.2,0.2,0.2\n46,1,0.46,0.46,0.46\n60,1,0.6,0.6,0.6\n");
    List<RawSample> s = UrFallReader.read(dir, false, BadRows.strict()).samples();
    assertArrayEquals(new float[] {0f, -1f, 0f}, s.get(0).features().get("acce"));
    assertArrayEquals(new float[] {0.2f, 0.2f, 0.2f}, s.get(1).features().get("acce"));
    assertArrayEquals(new float[] {0.6f, 0.6f, 0.6f}, s.get(2).features().get("acce"));
  }

  @Test
  void framesMissingFromDataCsvLackAcceAndAreCounted() throws Exception {
    features("fall-01");
    Files.writeString(dir.resolve("fall-01-data.csv"), "1,0,1.0\n3,66,1.0\n");
    Files.writeString(dir.resolve("fall-01-acc.csv"), "0,1,0,-1,0\n");
    SourceDataset ds = UrFallReader.read(dir, false, BadRows.strict());
    assertTrue(ds.samples().get(0).features().containsKey("acce"));
    assertFalse(ds.samples().get(1).features().containsKey("acce"));
    assertEquals(1, ds.missingReasons().get("acce").get("frame not listed in {seq}-data.csv (rows)"));
  }

  @Test
  void rgbComesFromFoldersOrZipsAndSideFilesFromSequenceFolders() throws Exception {
    features("fall-01", "fall-02");
    Path folder = Files.createDirectories(dir.resolve("fall-01-cam0-rgb"));
    for (int f = 1; f <= 3; f++) {
      Files.write(folder.resolve(String.format("fall-01-cam0-rgb-%03d.png", f)), png(f * 60));
    }
    Files.writeString(folder.resolve("Thumbs.db"), "ignored");
    try (OutputStream file = Files.newOutputStream(dir.resolve("fall-02-cam0-rgb.zip"));
        ZipOutputStream zip = new ZipOutputStream(file)) {
      for (int f = 1; f <= 2; f++) { // frame 3 has no image
        zip.putNextEntry(new ZipEntry("fall-02-cam0-rgb/fall-02-cam0-rgb-" + String.format("%03d", f) + ".png"));
        zip.write(png(200));
        zip.closeEntry();
      }
    }
    Path seqDir = Files.createDirectories(dir.resolve("fall-02"));
    Files.writeString(seqDir.resolve("fall-02-data.csv"), "1,0,1\n2,33,1\n3,66,1\n");
    Files.writeString(seqDir.resolve("fall-02-acc.csv"), "0,1,0,-1,0\n");
    SourceDataset ds = UrFallReader.read(dir, false, BadRows.strict());
    List<RawSample> s = ds.samples();
    assertEquals(ImageFeatures.DIM, s.get(0).features().get("rgb").length);
    // a uniform gray image: every grid cell has the same luma, one histogram bin per channel is 1
    float[] v = s.get(0).features().get("rgb");
    assertEquals(60 / 255f, v[0], 1e-4f);
    assertEquals(60 / 255f, v[63], 1e-4f);
    assertEquals(1f, v[64 + (60 >> 5)], 1e-6f);
    assertFalse(s.get(0).features().containsKey("acce"));
    assertTrue(s.get(3).features().containsKey("rgb"));
    assertTrue(s.get(3).features().containsKey("acce"));
    assertFalse(s.get(5).features().containsKey("rgb"));
    assertEquals(1, ds.missingReasons().get("rgb").get("no image for the frame in {seq}-cam0-rgb (rows)"));
    List<String> paths = ds.sources().stream().map(x -> x.path()).toList();
    assertEquals(
        List.of("fall-01-cam0-rgb/", "fall-02-cam0-rgb.zip", "fall-02/fall-02-acc.csv", "fall-02/fall-02-data.csv",
            "urfall-cam0-falls.csv"),
        paths);
    assertEquals(3, ds.sources().get(0).files());
  }

  @Test
  void zscoreNormalisesEachSequence() throws Exception {
    Files.writeString(
        dir.resolve(FeatureCsv.FALLS),
        "fall-01,1,-1,1,2,0.5,100,1,1800,1000,0.05\nfall-01,2,-1,3,2,0.5,100,1,1800,1000,0.05\n"
            + "fall-02,1,-1,10,2,0.5,100,1,1800,1000,0.05\n");
    List<RawSample> s = UrFallReader.read(dir, true, BadRows.strict()).samples();
    assertEquals(-1f, s.get(0).features().get("depth")[0], 1e-6f);
    assertEquals(1f, s.get(1).features().get("depth")[0], 1e-6f);
    assertEquals(0f, s.get(1).features().get("depth")[1], 1e-6f); // constant column
    assertEquals(0f, s.get(2).features().get("depth")[0], 1e-6f); // single-row sequence
  }

  private static byte[] png(int gray) throws Exception {
    BufferedImage img = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 12; y++) {
      for (int x = 0; x < 16; x++) {
        img.setRGB(x, y, (gray << 16) | (gray << 8) | gray);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
