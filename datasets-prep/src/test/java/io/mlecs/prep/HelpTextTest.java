package io.mlecs.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelpTextTest {
  private static String prepHelp(String dataset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = PrepCommand.run(new String[] {dataset, "--help"}, null, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertEquals(0, code);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String sampleHelp(String dataset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = SampleDataCommand.run(new String[] {dataset, "--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertEquals(0, code);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void prepHelpDocumentsEveryOption() {
    List<String> common = List.of("--input", "--output", "--seed", "--num-devices", "--mer", "--mer-mode",
        "--public-fraction", "--test-fraction", "--split-unit", "--skip-bad-rows", "--overwrite", "--help");
    String urfall = prepHelp("urfall");
    String vast = prepHelp("vast");
    for (String o : common) {
      assertTrue(urfall.contains("  " + o + " ") || urfall.contains("  " + o + "\n"), "urfall help lacks " + o);
      assertTrue(vast.contains("  " + o + " ") || vast.contains("  " + o + "\n"), "vast help lacks " + o);
    }
    assertTrue(urfall.contains("  --zscore\n"));
    for (String o : List.of("--subset-size", "--subset-seed", "--annotations")) {
      assertTrue(vast.contains("  " + o + " "), "vast help lacks " + o);
      assertTrue(!urfall.contains(o), "urfall help shows vast-only " + o);
    }
    // and every option the parser knows appears in the help of each dataset it applies to
    for (OptionSpec spec : PrepOptionTable.OPTIONS) {
      for (DatasetKind k : spec.datasets()) {
        assertTrue(prepHelp(k.wireName()).contains(spec.name()), k + " help lacks " + spec.name());
      }
    }
    assertTrue(urfall.contains("rgb=0.5,depth=0.7,acce=0.8") && urfall.contains("(default: 0.25)") && urfall.contains("(default: 0.1)"));
    assertTrue(urfall.contains("device|sample") && urfall.contains("sample|group"));
    assertTrue(urfall.contains("Exit codes: 0 ok, 1 I/O or internal failure, 2 bad usage or bad input."));
  }

  @Test
  void sampleDataHelpDocumentsEveryOption() {
    String urfall = sampleHelp("urfall");
    String vast = sampleHelp("vast");
    for (String o : List.of("--out", "--seed", "--sequences", "--frames", "--overwrite", "--help")) {
      assertTrue(urfall.contains(o), "urfall sample-data help lacks " + o);
    }
    for (String o : List.of("--out", "--seed", "--clips", "--overwrite", "--help")) {
      assertTrue(vast.contains(o), "vast sample-data help lacks " + o);
    }
  }
}
