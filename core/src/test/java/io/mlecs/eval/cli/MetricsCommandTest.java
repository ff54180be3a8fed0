package io.mlecs.eval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlecs.eval.PrfScore;
import io.mlecs.eval.rouge.RougeScorer;
import io.mlecs.eval.rouge.RougeType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCommandTest {

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static JsonNode json(CliRun run) throws IOException {
    assertEquals(0, run.status(), run.err());
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  void rougeLinesPrintsPerExampleAndMeanScores() throws IOException {
    Path pred = write("pred.txt", "the cats are running\nhello world\n");
    Path ref = write("ref.txt", "a cat runs fast\r\nhello there world\n");
    JsonNode doc = json(CliRun.metrics("rouge", "--predictions", pred.toString(), "--references", ref.toString(), "--stem"));
    assertEquals("rouge", doc.get("metric").asText());
    assertEquals(2, doc.get("count").asInt());
    RougeScorer scorer = RougeScorer.allTypes(true);
    PrfScore first = scorer.score(RougeType.ROUGE1, "a cat runs fast", "the cats are running");
    PrfScore second = scorer.score(RougeType.ROUGE1, "hello there world", "hello world");
    assertEquals(first.fmeasure(), doc.get("examples").get(0).get("rouge1").get("fmeasure").asDouble(), 1e-12);
    assertEquals((first.fmeasure() + second.fmeasure()) / 2, doc.get("mean").get("rouge1").get("fmeasure").asDouble(), 1e-12);
    assertTrue(doc.get("mean").has("rougeLsum"));
  }

  @Test
  void jsonlReadsTheSelectedFieldAndKeepsNewlinesForRougeLsum() throws IOException {
    Path pred = write("pred.jsonl", "{\"caption\": \"w1 w2 w6 w7 w8\\nw1 w3 w8 w9 w5\"}\n");
    Path ref = write("ref.jsonl", "{\"caption\": \"w1 w2 w3 w4 w5\", \"id\": 1}\n");
    JsonNode doc = json(CliRun.metrics("rouge", "--predictions", pred.toString(), "--references", ref.toString(),
        "--format", "jsonl", "--field", "caption"));
    JsonNode lsum = doc.get("examples").get(0).get("rougeLsum");
    assertEquals(0.4, lsum.get("precision").asDouble(), 1e-12);
    assertEquals(0.8, lsum.get("recall").asDouble(), 1e-12);
  }

  @Test
  void f1ReportsAccuracyMacroWeightedAndConfusion() throws IOException {
    Path pred = write("pred.txt", "0\n0\n1\n1\n2\n0\n");
    Path ref = write("ref.txt", "0\n0\n1\n1\n2\n2\n");
    JsonNode doc = json(CliRun.metrics("f1", "--predictions", pred.toString(), "--references", ref.toString()));
    assertEquals(5.0 / 6, doc.get("mean").get("accuracy").asDouble(), 1e-12);
    assertEquals(0, doc.get("examples").get(5).get("correct").asInt());
    assertEquals(3, doc.get("mean").get("confusion_matrix").size());
    assertEquals((0.8 + 1.0 + 2.0 / 3) / 3, doc.get("mean").get("macro").get("f1").asDouble(), 1e-12);
  }

  @Test
  void helpDocumentsEveryOption() {
    CliRun run = CliRun.metrics("--help");
    assertEquals(0, run.status());
    for (String option : new String[] {"--predictions", "--references", "--stem", "--idf", "--format",
        "--field", "--threads", "--labels", "--zero-division", "--help", "rouge", "bertscore", "f1"}) {
      assertTrue(run.out().contains(option), "help mentions " + option);
    }
  }

  private void assertError(CliRun run, String... fragments) {
    assertEquals(2, run.status(), run.out() + run.err());
    assertEquals("", run.out());
    for (String f : fragments) {
      assertTrue(run.err().contains(f), "stderr '" + run.err().strip() + "' should contain '" + f + "'");
    }
  }

  @Test
  void mismatchedLineCountsNameBothFilesAndTheLine() throws IOException {
    Path pred = write("pred.txt", "a\nb\n");
    Path ref = write("ref.txt", "a\nb\nc\n");
    assertError(CliRun.metrics("rouge", "--predictions", pred.toString(), "--references", ref.toString()),
        "line counts differ", pred.toString() + " has 2", ref.toString() + " has 3", "line 3 of " + ref);
  }

  @Test
  void emptyFileIsAnError() throws IOException {
    Path pred = write("pred.txt", "");
    Path ref = write("ref.txt", "a\n");
    assertError(CliRun.metrics("rouge", "--predictions", pred.toString(), "--references", ref.toString()),
        "--predictions", pred.toString(), "empty");
  }

  @Test
  void invalidUtf8NamesFileLineAndByte() throws IOException {
    Path pred = write("pred.txt", "ok\nfine\n");
    Path ref = dir.resolve("ref.txt");
    Files.write(ref, new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
    assertError(CliRun.metrics("rouge", "--predictions", pred.toString(), "--references", ref.toString()),
        "--references " + ref + " line 2", "not valid UTF-8", "0xE9", "column 4");
  }

  @Test
  void unknownMetricIsAnError() {
    assertError(CliRun.metrics("bleu", "--predictions", "p", "--references", "r"), "unknown metric 'bleu'");
    assertError(CliRun.metrics(), "missing metric");
  }

  @Test
  void unparsableF1LabelNamesFileAndLine() throws IOException {
    Path pred = write("pred.txt", "0\n1\nfall\n");
    Path ref = write("ref.txt", "0\n1\n2\n");
    assertError(CliRun.metrics("f1", "--predictions", pred.toString(), "--references", ref.toString()),
        "--predictions " + pred + " line 3", "cannot parse label 'fall'");
  }

  @Test
  void otherInputAndUsageErrors() throws IOException {
    Path ok = write("ok.txt", "a\n");
    Path missing = dir.resolve("missing.txt");
    assertError(CliRun.metrics("rouge", "--predictions", missing.toString(), "--references", ok.toString()),
        missing.toString(), "no such file");
    Path badJson = write("bad.jsonl", "{\"text\": \"a\"}\nnot json\n");
    Path twoJson = write("two.jsonl", "{\"text\": \"a\"}\n{\"other\": 1}\n");
    assertError(CliRun.metrics("rouge", "--predictions", badJson.toString(), "--references", twoJson.toString(),
        "--format", "jsonl"), badJson + " line 2", "not valid JSON");
    assertError(CliRun.metrics("rouge", "--predictions", twoJson.toString(), "--references", twoJson.toString(),
        "--format", "jsonl"), twoJson + " line 2", "field 'text' is missing");
    assertError(CliRun.metrics("rouge", "--predictions", ok.toString()), "--references FILE is required");
    assertError(CliRun.metrics("rouge", "--predictions", ok.toString(), "--references", ok.toString(), "--bogus"),
        "unknown option '--bogus'");
    assertError(CliRun.metrics("rouge", "--predictions", ok.toString(), "--references", ok.toString(), "--idf"),
        "--idf applies to bertscore only");
    assertError(CliRun.metrics("rouge", "--predictions", ok.toString(), "--references", ok.toString(),
        "--format", "csv"), "--format", "'csv'");
    assertError(CliRun.metrics("f1", "--predictions", ok.toString(), "--references", ok.toString(),
        "--labels", "0,x"), "--labels", "'0,x'");
  }

  @Test
  void bertscoreScoresWithTheOfflineModel() throws IOException {
    io.mlecs.eval.bertscore.TestEngineCache.redirect();
    Path pred = write("pred.txt", "A dog runs in the park.\n\n");
    Path ref = write("ref.txt", "A dog is running through a park.\nSomething.\n");
    JsonNode doc = json(CliRun.metrics("bertscore", "--predictions", pred.toString(), "--references", ref.toString(),
        "--threads", "2"));
    assertEquals(2, doc.get("examples").size());
    assertTrue(doc.get("examples").get(0).get("fmeasure").asDouble() > 0.7);
    assertEquals(0.0, doc.get("examples").get(1).get("fmeasure").asDouble());
    assertTrue(doc.get("note").asText().contains("roberta-large"));
  }
}
