package io.mlecs.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Subcommands whose bodies live in other modules print their own detailed help, without Spark. */
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
}
