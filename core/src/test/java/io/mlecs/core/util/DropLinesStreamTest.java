package io.mlecs.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** SameDiff's per-op lines are dropped, every other byte passes in order. */
class DropLinesStreamTest {
  @Test
  void dropsOnlyTheOpLinesWhateverTheWriteBoundaries() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream out = DropLinesStream.samediffQuiet(sink);
    out.println("Added differentiated op matmul_3");
    out.println("round 1 loss 0.5");
    out.print("Added differ");
    out.flush(); // a partial line that may still be an op line is held back
    out.print("entiated op add\nkept ");
    out.print("in two parts\nAdded differentiated opx\n");
    out.println("  Added differentiated op indented");
    out.print("no newline at the end");
    out.flush();
    assertEquals("round 1 loss 0.5\nkept in two parts\nAdded differentiated opx\n"
        + "  Added differentiated op indented\nno newline at the end",
        sink.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
  }

  @Test
  void wrapsSystemOutOnce() {
    PrintStream before = System.out;
    try {
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      System.setOut(new PrintStream(sink, true, StandardCharsets.UTF_8));
      DropLinesStream.quietSystemOut();
      PrintStream wrapped = System.out;
      DropLinesStream.quietSystemOut();
      assertEquals(wrapped, System.out, "wrapped twice");
      System.out.println("Added differentiated op softmax");
      System.out.println("hello");
      assertEquals("hello\n", sink.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    } finally {
      System.setOut(before);
    }
  }
}
