package io.mlecs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

  @TempDir Path dir;

  private record Result(int status, String out, String err) {}

  private static Result report(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ReportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static void assertError(Result r, String... fragments) {
    assertEquals(2, r.status(), r.out() + r.err());
    for (String f : fragments) {
      assertTrue(r.err().contains(f), "stderr '" + r.err().strip() + "' should contain '" + f + "'");
    }
  }

  @Test
  void writesAtomicallyIntoTheDirectoryByDefault() throws IOException {
    Path run = ReportFixtures.run(dir.resolve("run"), 2, 2);
    Result r = report(run.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("report.html"));
    try (Stream<Path> files = Files.list(run)) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
    }
    assertTrue(Files.readString(run.resolve("report.html")).startsWith("<!DOCTYPE html>"));
  }

  @Test
  void helpListsEveryOption() {
    Result r = report("--help");
    assertEquals(0, r.status());
    for (String option : new String[] {"--out", "--n", "--mer", "--help", "RUN_OR_SWEEP_DIR"}) {
      assertTrue(r.out().contains(option), option);
    }
  }

  @Test
  void missingCsvNamesTheFile() throws IOException {
    Path run = ReportFixtures.run(dir.resolve("run"), 2, 2);
    Files.delete(run.resolve("metrics/bytes.csv"));
    assertError(report(run.toString()), "bytes.csv", "file not found");
  }

  @Test
  void malformedCsvNamesFileLineAndColumn() throws IOException {
    Path run = ReportFixtures.run(dir.resolve("run"), 2, 2);
    Path metrics = run.resolve("metrics/metrics.csv");
    Files.writeString(metrics, "round,device,split,metric,value\n1,0,test,loss,0.5\n1,0,test,loss,abc\n");
    assertError(report(run.toString()), metrics + " line 3", "column 'value'", "'abc'");
    Files.writeString(metrics, "round,device,split,metric,value\n1,0,test,loss\n");
    assertError(report(run.toString()), metrics + " line 2", "expected 5 fields");
    Files.writeString(metrics, "round,device,split,value\n1,0,test,0.5\n");
    assertError(report(run.toString()), metrics + " line 1", "missing column 'metric'");
    Files.writeString(metrics, "round,device,split,metric,value\n1,gateway,test,loss,0.5\n");
    assertError(report(run.toString()), metrics + " line 2", "column 'device'", "'gateway'");
    Files.writeString(metrics, "round,device,split,metric,value\n1,0,valid,loss,0.5\n");
    assertError(report(run.toString()), metrics + " line 2", "column 'split'", "'valid'");
    Files.write(metrics, new byte[] {'r', 'o', 'u', 'n', 'd', '\n', (byte) 0xFF, '\n'});
    assertError(report(run.toString()), metrics + " line 2", "not valid UTF-8");
  }

  @Test
  void badManifestAndSweepFilesNameTheProblem() throws IOException {
    Path run = ReportFixtures.run(dir.resolve("run"), 2, 2);
    Files.writeString(run.resolve("run-manifest.json"), "{\"run_id\": \"x\", \"method\": \"m\"}");
    assertError(report(run.toString()), "run-manifest.json", "missing field 'dataset'");
    Files.writeString(run.resolve("run-manifest.json"), "{not json");
    assertError(report(run.toString()), "run-manifest.json", "not valid JSON");

    Path sweep = ReportFixtures.sweep(dir.resolve("sweep"), ReportFixtures.METHODS);
    Files.writeString(sweep.resolve("bytes.csv"), "method,mer,num_devices,seed,round,direction,payload,bytes\n"
        + "ml-ecs,0.5,3,1,1,sideways,lora,10\n");
    assertError(report(sweep.toString()), sweep.resolve("bytes.csv") + " line 2", "column 'direction'");
    Files.writeString(sweep.resolve("results.csv"), "method,mer,num_devices,seed,round,device,split,metric,value\n"
        + "ml-ecs,1.5,3,1,1,0,test,loss,0.3\n");
    assertError(report(sweep.toString()), sweep.resolve("results.csv") + " line 2", "column 'mer'", "'1.5'");
  }

  @Test
  void usageErrors() throws IOException {
    assertError(report(), "missing RUN_OR_SWEEP_DIR");
    assertError(report(dir.resolve("nope").toString()), "not a directory");
    Files.createDirectories(dir.resolve("empty"));
    assertError(report(dir.resolve("empty").toString()), "neither a run directory");
    assertError(report(dir.toString(), "--bogus"), "unknown option '--bogus'");
    Path sweep = ReportFixtures.sweep(dir.resolve("sweep"), ReportFixtures.METHODS);
    assertError(report(sweep.toString(), "--mer", "0.3"), "MER = 0.3");
    assertError(report(sweep.toString(), "--n", "zero"), "--n", "'zero'");
  }
}
