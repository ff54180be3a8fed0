package io.mlecs.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Subcommands whose bodies live in other modules print their own detailed help, without Spark;
 * bad benchmark options are usage errors before any work.
 */
class MainHelpDelegationTest {
  @Test
  void prepHelpDocumentsEveryOption() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc = Main.run(new String[] {"prep", "urfall", "--help"},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, rc, text);
    for (String option : new String[] {"--input", "--output", "--seed", "--num-devices", "--mer",
        "--split-unit", "--public-fraction", "--test-fraction", "--skip-bad-rows", "--overwrite"}) {
      assertTrue(text.contains(option), option + " missing from:\n" + text);
    }
  }

  @Test
  void benchRejectsUnknownSparkSectionsAndScaleListsBeforeAnyWork() {
    for (String[] args : new String[][] {{"bench", "--spark-sections", "overhead,gpu"},
        {"bench", "--scale", "3,-10"}}) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int rc = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true,
          StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
      String text = err.toString(StandardCharsets.UTF_8);
      assertEquals(2, rc, text);
      assertTrue(text.contains("'" + args[2] + "'"), text);
    }
  }
}
