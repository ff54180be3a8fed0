package io.mlecs.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.collection.JavaConverters;

class PrepCommandSparkTest {
  static final String SCHEMA =
      "struct<sample_id:string,group_id:string,dataset:string,role:string,device_id:int,split:string,"
          + "features:map<string,array<float>>,texts:map<string,string>,presence_mask:int,target_text:string,label:int>";
  private static SparkSession spark;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.start();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  /** Exit code, stdout and stderr of one prep command. */
  record Result(int code, String out, String err) {}

  static Result prep(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = PrepCommand.run(args, spark, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Dataset<Row> rows(Path output) {
    return spark.read().parquet(output.resolve("data").toString());
  }

  static JsonNode manifest(Path output) throws Exception {
    return JSON.readTree(output.resolve("_manifest.json").toFile());
  }

  /** prep urfall over the real falls file, 3 devices; {@code more} adds options (e.g. --split-unit). */
  static String[] realUrFallArgs(Path out, String... more) {
    List<String> a = new ArrayList<>(List.of(
        "urfall", "--input", TestData.realUrFall().toString(), "--output", out.toString(), "--num-devices", "3"));
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  @Test
  void realFallsFilePrepsToTheContractSchemaWithTheRealCounts() throws Exception {
    Path out = tmp.resolve("real-a");
    Result r = prep(realUrFallArgs(out, "--split-unit", "group", "--seed", "7"));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("prepared urfall: 2995 rows"), r.out());
    Dataset<Row> df = rows(out);
    assertEquals(SCHEMA, df.schema().simpleString());
    assertEquals(TestData.REAL_FALLS_ROWS, df.count());
    Map<Integer, Long> labels = new HashMap<>();
    for (Row row : df.groupBy("label").count().collectAsList()) {
      labels.put(row.getInt(0), row.getLong(1));
    }
    assertEquals(Map.of(0, 1192L, 1, 900L, 2, 903L), labels);
    assertEquals(0, df.filter("target_text <> cast(label as string) or dataset <> 'urfall'").count());
    // only depth exists (bit 1): every row, public or private, has exactly depth
    assertEquals(0, df.filter("presence_mask <> 2 or size(features) <> 1 or size(features['depth']) <> 8 or size(texts) <> 0").count());
    assertEquals(0, df.filter("(role = 'public') <> (device_id = -1)").count());
    // group split: no sequence is in two roles, devices or splits
    assertEquals(0, df.groupBy("group_id").agg(functions.countDistinct("role", "device_id", "split").as("n")).filter("n > 1").count());
    assertEquals(TestData.REAL_FALL_SEQUENCES, df.select("group_id").distinct().count());

    JsonNode m = manifest(out);
    assertEquals(1, m.get("format_version").asInt());
    assertEquals("classification", m.get("task").asText());
    assertEquals("[{\"name\":\"rgb\",\"kind\":\"vector\",\"dim\":88},{\"name\":\"depth\",\"kind\":\"vector\",\"dim\":8},"
        + "{\"name\":\"acce\",\"kind\":\"vector\",\"dim\":3}]", m.get("modalities").toString());
    assertEquals("{\"0\":1192,\"1\":900,\"2\":903}", m.get("label_counts").toString());
    assertEquals(2995, m.get("source_coverage").get("rgb").get("rows_missing").asInt());
    assertEquals(2995, m.get("source_coverage").get("acce").get("rows_missing").asInt());
    assertEquals(30, m.get("source_coverage").get("acce").get("groups_missing").asInt());
    assertEquals(0, m.get("source_coverage").get("depth").get("rows_missing").asInt());
    assertEquals(30, m.get("source_coverage").get("rgb").get("reasons").get("sequence has no {seq}-cam0-rgb folder or zip").asInt());
    JsonNode counts = m.get("row_counts");
    assertEquals(2995, counts.get("public").get("train").asInt() + counts.get("public").get("test").asInt()
        + counts.get("private").get("train").asInt() + counts.get("private").get("test").asInt());
    assertEquals(df.filter("role = 'public'").count(), counts.get("public").get("train").asLong() + counts.get("public").get("test").asLong());
    assertEquals(3, m.get("devices").size());
    for (JsonNode d : m.get("devices")) {
      assertEquals("[\"depth\"]", d.get("modalities").toString());
      long n = df.filter("device_id = " + d.get("device_id").asInt()).count();
      assertEquals(n, d.get("rows").get("train").asLong() + d.get("rows").get("test").asLong());
    }
    assertEquals("urfall-cam0-falls.csv", m.get("sources").get(0).get("path").asText());
    assertEquals(Files.size(TestData.realUrFall().resolve("urfall-cam0-falls.csv")), m.get("sources").get(0).get("bytes").asLong());
    assertEquals(0, m.get("skipped_rows").get("count").asInt());
    assertEquals("group", m.get("options").get("split_unit").asText());
    assertEquals(7, m.get("seed").asInt());
    assertEquals(0.25, m.get("public_fraction").asDouble());
    // nothing but the output itself was left beside it
    try (Stream<Path> s = Files.list(tmp)) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".real-a")));
    }
    assertTrue(Files.isDirectory(out.resolve("data")));
  }

  @Test
  void aRerunWritesIdenticalRowsSortedByDeviceAndSample() throws Exception {
    Path a = tmp.resolve("rerun-a");
    Path b = tmp.resolve("rerun-b");
    assertEquals(0, prep(realUrFallArgs(a, "--split-unit", "sample")).code());
    assertEquals(0, prep(realUrFallArgs(b, "--split-unit", "sample")).code());
    List<Row> ra = rows(a).orderBy("device_id", "sample_id").collectAsList();
    List<Row> rb = rows(b).orderBy("device_id", "sample_id").collectAsList();
    assertEquals(ra.size(), rb.size());
    for (int i = 0; i < ra.size(); i++) {
      assertEquals(ra.get(i), rb.get(i), "row " + i);
    }
    ObjectNode ma = (ObjectNode) manifest(a);
    ObjectNode mb = (ObjectNode) manifest(b);
    ((ObjectNode) ma.get("options")).remove("output");
    ((ObjectNode) mb.get("options")).remove("output");
    assertEquals(ma, mb);
    // each Parquet file is sorted, and the files (in name order) hold increasing key ranges
    List<Path> files;
    try (Stream<Path> s = Files.list(a.resolve("data"))) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
    List<String> keys = new ArrayList<>();
    for (Path f : files) {
      for (Row row : spark.read().parquet(f.toString()).select("device_id", "sample_id").collectAsList()) {
        keys.add(String.format("%05d|%s", row.getInt(0) + 1, row.getString(1)));
      }
    }
    List<String> sorted = new ArrayList<>(keys);
    sorted.sort(null);
    assertEquals(sorted, keys);
  }

  @Test
  void anExistingOutputIsRefusedUnlessOverwrite() throws Exception {
    Path out = tmp.resolve("exists");
    assertEquals(0, prep(realUrFallArgs(out)).code());
    Result again = prep(realUrFallArgs(out));
    assertEquals(2, again.code());
    assertTrue(again.err().contains("output directory already exists: ") && again.err().contains("(pass --overwrite to replace it)"), again.err());
    Result forced = prep(realUrFallArgs(out, "--overwrite", "--seed", "8"));
    assertEquals(0, forced.code(), forced.err());
    assertEquals(8, manifest(out).get("seed").asInt());
    Path foreign = Files.createDirectories(tmp.resolve("foreign"));
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    Result refused = prep(realUrFallArgs(foreign, "--overwrite"));
    assertEquals(2, refused.code());
    assertTrue(refused.err().contains("neither empty nor an earlier output (no _manifest.json)"), refused.err());
    assertTrue(Files.exists(foreign.resolve("notes.txt")));
  }

  @Test
  void badInputExitsWithTwoNamesTheLineAndLeavesNoOutput() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("bad-in"));
    Files.writeString(in.resolve("urfall-cam0-falls.csv"), "fall-01,1,-1,1,2,3,4,5,6,7,8\nfall-01,2,9,1,2,3,4,5,6,7,8");
    Path out = tmp.resolve("bad-out");
    Result r = prep("urfall", "--input", in.toString(), "--output", out.toString(), "--num-devices", "1");
    assertEquals(2, r.code());
    assertEquals("prep urfall: bad input: urfall-cam0-falls.csv:2: unknown label '9' (expected -1, 0 or 1)\n", r.err());
    assertFalse(Files.exists(out));
    Result skipped = prep("urfall", "--input", in.toString(), "--output", out.toString(), "--num-devices", "1", "--public-fraction", "0", "--skip-bad-rows");
    assertEquals(0, skipped.code(), skipped.err());
    JsonNode m = manifest(out);
    assertEquals(1, m.get("skipped_rows").get("count").asInt());
    assertEquals("urfall-cam0-falls.csv:2: unknown label '9' (expected -1, 0 or 1)", m.get("skipped_rows").get("examples").get(0).asText());
    try (Stream<Path> s = Files.list(tmp)) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().contains(".tmp-")), "temporary folders are removed");
    }
  }

  @Test
  void generatedVastPrepsWithTextsAndPerSampleMer() throws Exception {
    Path raw = tmp.resolve("vast-raw");
    assertEquals(0, SampleDataCommand.run(new String[] {"vast", "--out", raw.toString(), "--seed", "5", "--clips", "200"}, System.out, System.err));
    Path out = tmp.resolve("vast-out");
    Result r = prep("vast", "--input", raw.toString(), "--output", out.toString(), "--mer", "vision=0.6,audio=0.7,subtitle=0.9",
        "--mer-mode", "sample", "--num-devices", "5", "--subset-size", "150", "--subset-seed", "3");
    assertEquals(0, r.code(), r.err());
    Dataset<Row> df = rows(out);
    assertEquals(SCHEMA, df.schema().simpleString());
    assertEquals(150, df.count());
    assertEquals(0, df.filter("label is not null or dataset <> 'vast' or sample_id <> group_id").count());
    for (Row row : df.collectAsList()) {
      int mask = row.getInt(row.fieldIndex("presence_mask"));
      Map<String, Object> features = JavaConverters.mapAsJavaMap(row.getMap(row.fieldIndex("features")));
      Map<String, Object> texts = JavaConverters.mapAsJavaMap(row.getMap(row.fieldIndex("texts")));
      assertEquals((mask & 1) != 0, features.containsKey("vision"));
      assertEquals((mask & 2) != 0, features.containsKey("audio"));
      assertEquals((mask & 4) != 0, texts.containsKey("subtitle"));
      assertTrue(mask != 0);
      assertTrue(row.getString(row.fieldIndex("target_text")).startsWith("a "));
    }
    assertEquals(0, df.filter("role = 'public' and (size(features) <> 2)").count(), "public rows keep vision and audio");
    JsonNode m = manifest(out);
    assertEquals("captioning", m.get("task").asText());
    assertFalse(m.has("label_counts"));
    assertEquals("{\"name\":\"subtitle\",\"kind\":\"text\"}", m.get("modalities").get(2).toString());
    assertEquals(48, m.get("modalities").get(0).get("dim").asInt());
    assertEquals("sample", m.get("mer_mode").asText());
    assertEquals(0.7, m.get("mer").get("audio").asDouble());
    assertEquals(150, m.get("subset").get("kept").asInt());
    assertEquals(200, m.get("subset").get("available").asInt());
    assertEquals(3, m.get("options").get("subset_seed").asInt());
  }

  @Test
  void generatedUrFallPrepsWithAllModalitiesAndZscore() throws Exception {
    Path raw = tmp.resolve("urfall-raw");
    assertEquals(0, SampleDataCommand.run(new String[] {"urfall", "--out", raw.toString(), "--sequences", "8", "--frames", "30"}, System.out, System.err));
    Path out = tmp.resolve("urfall-out");
    Result r = prep("urfall", "--input", raw.toString(), "--output", out.toString(), "--zscore", "--mer", "rgb=0.5,depth=0.7,acce=0.8",
        "--split-unit", "group", "--num-devices", "2");
    assertEquals(0, r.code(), r.err());
    Dataset<Row> df = rows(out);
    assertEquals(0, df.filter("role = 'public' and presence_mask <> 7").count(), "public rows are omni-modal");
    assertEquals(0, df.filter("size(features) <> bit_count(presence_mask)").count());
    assertEquals(0, df.filter("presence_mask & 1 = 1 and size(features['rgb']) <> 88").count());
    JsonNode m = manifest(out);
    assertTrue(m.get("zscore").asBoolean());
    assertEquals(0, m.get("source_coverage").get("rgb").get("rows_missing").asInt());
    for (JsonNode d : m.get("devices")) {
      int mask = 0;
      for (JsonNode name : d.get("modalities")) {
        mask |= 1 << List.of("rgb", "depth", "acce").indexOf(name.asText());
      }
      assertEquals(0, df.filter("device_id = " + d.get("device_id").asInt() + " and presence_mask <> " + mask).count());
    }
  }
}
