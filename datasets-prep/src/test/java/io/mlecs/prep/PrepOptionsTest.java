package io.mlecs.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.prep.partition.MerMode;
import io.mlecs.prep.partition.SplitUnit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrepOptionsTest {
  private static String failure(DatasetKind kind, String... args) {
    return assertThrows(IllegalArgumentException.class, () -> PrepOptionsParser.parse(kind, args)).getMessage();
  }

  private static String[] base(String... more) {
    String[] head = {"--input", "in", "--output", "out"};
    String[] all = new String[head.length + more.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(more, 0, all, head.length, more.length);
    return all;
  }

  @Test
  void defaultsAreThePapersSetting() {
    PrepOptions o = PrepOptionsParser.parse(DatasetKind.URFALL, base());
    assertEquals(PrepOptions.defaults(DatasetKind.URFALL, Path.of("in"), Path.of("out")), o);
    assertEquals(3, o.numDevices());
    assertEquals(0.25, o.publicFraction());
    assertEquals(0.1, o.testFraction());
    assertEquals(Map.of("rgb", 0.5, "depth", 0.5, "acce", 0.5), o.mer());
    assertEquals(MerMode.DEVICE, o.merMode());
    assertEquals(SplitUnit.SAMPLE, o.splitUnit());
    PrepOptions v = PrepOptionsParser.parse(DatasetKind.VAST, base("--seed", "9"));
    assertEquals(9680, v.subsetSize());
    assertEquals(9, v.subsetSeed(), "the subset seed defaults to --seed");
  }

  @Test
  void everyOptionIsParsed() {
    PrepOptions o = PrepOptionsParser.parse(DatasetKind.VAST, base(
        "--seed=5", "--num-devices", "1000", "--mer", "vision=0.5, audio=0.7,subtitle=0.8", "--mer-mode", "sample",
        "--public-fraction", "0.3", "--test-fraction", "0.2", "--split-unit", "group", "--skip-bad-rows",
        "--subset-size", "100", "--subset-seed", "6", "--annotations", "ann.jsonl", "--overwrite"));
    assertEquals(5, o.seed());
    assertEquals(1000, o.numDevices());
    assertEquals(List.of(0.5, 0.7, 0.8), List.copyOf(o.mer().values()));
    assertEquals(List.of("vision", "audio", "subtitle"), List.copyOf(o.mer().keySet()));
    assertEquals(MerMode.SAMPLE, o.merMode());
    assertEquals(0.3, o.publicFraction());
    assertEquals(0.2, o.testFraction());
    assertEquals(SplitUnit.GROUP, o.splitUnit());
    assertTrue(o.skipBadRows() && o.overwrite());
    assertEquals(100, o.subsetSize());
    assertEquals(6, o.subsetSeed());
    assertEquals("ann.jsonl", o.annotations());
    assertEquals(16, o.asMap().size());
    assertTrue(PrepOptionsParser.parse(DatasetKind.URFALL, base("--zscore")).zscore());
  }

  @Test
  void badValuesAreNamed() {
    assertEquals("--input is required", failure(DatasetKind.URFALL, "--output", "o"));
    assertEquals("--output is required", failure(DatasetKind.URFALL, "--input", "i"));
    assertEquals("--seed must be an integer, got 'x1'", failure(DatasetKind.URFALL, base("--seed", "x1")));
    assertEquals("--num-devices must be >= 1, got 0", failure(DatasetKind.URFALL, base("--num-devices", "0")));
    assertEquals("--mer for depth must be in [0, 1], got 1.2", failure(DatasetKind.URFALL, base("--mer", "rgb=0.5,depth=1.2,acce=0.5")));
    assertEquals("--mer for rgb must be in [0, 1], got -0.1", failure(DatasetKind.URFALL, base("--mer", "-0.1")));
    assertEquals("--mer names unknown modality 'vision' (modalities: rgb, depth, acce)",
        failure(DatasetKind.URFALL, base("--mer", "vision=0.5")));
    assertEquals("--mer misses modality 'acce': give one rate for all or every one of rgb, depth, acce",
        failure(DatasetKind.URFALL, base("--mer", "rgb=0.5,depth=0.5")));
    assertEquals("--mer gives modality 'rgb' twice", failure(DatasetKind.URFALL, base("--mer", "rgb=0.5,rgb=0.5")));
    assertEquals("--mer must give at least one modality a rate above 0, got rgb=0.0,depth=0.0,acce=0.0",
        failure(DatasetKind.URFALL, base("--mer", "0")));
    assertEquals("--mer-mode must be device or sample, got 'client'", failure(DatasetKind.URFALL, base("--mer-mode", "client")));
    assertEquals("--public-fraction must be in [0, 0.9], got 0.95", failure(DatasetKind.URFALL, base("--public-fraction", "0.95")));
    assertEquals("--public-fraction must be a number, got 'abc'", failure(DatasetKind.URFALL, base("--public-fraction", "abc")));
    assertEquals("--test-fraction must be in [0, 0.5], got 0.6", failure(DatasetKind.URFALL, base("--test-fraction", "0.6")));
    assertEquals("--split-unit must be sample or group, got 'frame'", failure(DatasetKind.URFALL, base("--split-unit", "frame")));
    assertEquals("--subset-size must be >= 1, got 0", failure(DatasetKind.VAST, base("--subset-size", "0")));
    assertEquals("--annotations must be a file name inside --input (no absolute path, no '..'), got '../a.json'",
        failure(DatasetKind.VAST, base("--annotations", "../a.json")));
    assertEquals("--output must differ from --input, got 'in' for both",
        failure(DatasetKind.URFALL, "--input", "in", "--output", "in"));
  }

  @Test
  void misuseOfOptionsIsNamed() {
    assertEquals("unknown option '--devices' for prep urfall", failure(DatasetKind.URFALL, base("--devices", "3")));
    assertEquals("option --zscore does not apply to vast (only to urfall)", failure(DatasetKind.VAST, base("--zscore")));
    assertEquals("option --subset-size does not apply to urfall (only to vast)", failure(DatasetKind.URFALL, base("--subset-size", "5")));
    assertEquals("option --seed given twice", failure(DatasetKind.URFALL, base("--seed", "1", "--seed", "2")));
    assertEquals("option --seed needs a value S", failure(DatasetKind.URFALL, base("--seed")));
    assertEquals("option --overwrite is a flag and takes no value: '--overwrite=yes'", failure(DatasetKind.URFALL, base("--overwrite=yes")));
    assertEquals("unexpected argument 'extra'", failure(DatasetKind.URFALL, base("extra")));
  }

  @Test
  void recordConstructorValidatesToo() {
    Map<String, Double> mer = new LinkedHashMap<>(Map.of("rgb", 0.5, "depth", 0.5));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PrepOptions(
        DatasetKind.URFALL, Path.of("i"), Path.of("o"), 1, 3, mer, MerMode.DEVICE, 0.25, 0.1, SplitUnit.SAMPLE,
        false, false, 10, 1, null, false));
    assertTrue(e.getMessage().startsWith("--mer must give exactly the modalities [rgb, depth, acce], got "), e.getMessage());
    PrepOptions ok = PrepOptions.defaults(DatasetKind.VAST, Path.of("i"), Path.of("o"));
    e = assertThrows(IllegalArgumentException.class, () -> new PrepOptions(
        DatasetKind.VAST, ok.input(), ok.output(), 1, 3, ok.mer(), MerMode.DEVICE, 0.25, 0.1, SplitUnit.SAMPLE,
        true, false, 10, 1, null, false));
    assertEquals("--zscore applies to urfall only (a VAST group is a single clip), got it for vast", e.getMessage());
  }

  @Test
  void usageErrorsExitWithTwoWithoutSpark() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertEquals(2, PrepCommand.run(new String[] {"urfall", "--input", "i"}, null, o, e));
    assertEquals("prep urfall: --output is required\nRun 'prep urfall --help' for the options.\n", err.toString(StandardCharsets.UTF_8));
    err.reset();
    assertEquals(2, PrepCommand.run(new String[] {"kinetics"}, null, o, e));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("prep: unknown dataset 'kinetics' (expected urfall or vast)\n"));
    assertEquals(2, PrepCommand.run(new String[0], null, o, e));
    assertEquals(0, PrepCommand.run(new String[] {"--help"}, null, o, e));
  }
}
