package io.mlecs.jobs.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.mlecs.core.engine.Method;
import io.mlecs.jobs.train.TrainSettings;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A sweep file: a base training configuration shared by every cell plus the {@code sweep} block
 * (the grid and where the data comes from). Everything is checked before any work; a message names
 * the file, the key and the bad value.
 *
 * @param source the file (for messages)
 * @param dir the sweep directory
 * @param methods method names, in the order given
 * @param mers MERs in canonical decimal text, in the order given
 * @param devices device counts N
 * @param seeds seeds
 * @param data where the cells' data comes from
 * @param sweep the {@code sweep} block over its defaults
 * @param base the rest of the file (training keys)
 */
public record SweepSettings(String source, Path dir, List<String> methods, List<String> mers,
    List<Integer> devices, List<Long> seeds, DataKind data, Config sweep, Config base) {

  /** Training keys the sweep sets for each cell; a sweep file must not set them. */
  static final Map<String, String> CELL_KEYS = cellKeys();

  private static Map<String, String> cellKeys() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("run.dir", "sweep.dir");
    m.put("run.method", "sweep.methods");
    m.put("run.seed", "sweep.seeds");
    m.put("data.source", "sweep.data");
    m.put("data.path", "sweep.data");
    m.put("data.devices", "sweep.devices");
    m.put("data.synthetic.devices", "sweep.devices");
    m.put("data.synthetic.mer", "sweep.mer");
    return m;
  }

  public static Config defaults() {
    return ConfigFactory.parseResources(SweepSettings.class.getClassLoader(),
        "mlecs-sweep-defaults.conf");
  }

  /** Reads and checks a sweep file ({@code include}s are relative to it). */
  public static SweepSettings load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--config: file " + file + " does not exist");
    }
    Config user;
    try {
      user = ConfigFactory.parseFile(file.toFile(),
          ConfigParseOptions.defaults().setAllowMissing(false)).resolve();
    } catch (ConfigException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    return of(user, file.toString());
  }

  /** Parses sweep HOCON text from {@code source}. */
  public static SweepSettings parse(String hocon, String source) {
    Config user;
    try {
      user = ConfigFactory.parseString(hocon).resolve();
    } catch (ConfigException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
    return of(user, source);
  }

  static SweepSettings of(Config user, String source) {
    if (!user.hasPath("sweep") || user.getValue("sweep").valueType() != ConfigValueType.OBJECT) {
      throw new IllegalArgumentException(source + ": a sweep file needs a 'sweep' block, e.g. "
          + "sweep { dir = \"runs/sweeps/x\", methods = [ml-ecs, standalone], mer = [0.5], "
          + "devices = [3], seeds = [27] }");
    }
    Config defaults = defaults();
    Config given = user.getConfig("sweep");
    for (Map.Entry<String, ConfigValue> e : given.entrySet()) {
      if (!defaults.hasPathOrNull(e.getKey())) {
        TreeSet<String> known = new TreeSet<>();
        defaults.root().keySet().forEach(k -> known.add("sweep." + k));
        defaults.entrySet().forEach(d -> known.add("sweep." + d.getKey()));
        throw new IllegalArgumentException(source + ": unknown key 'sweep." + e.getKey()
            + "' (value " + e.getValue().render(ConfigRenderOptions.concise()) + "); keys under "
            + "'sweep': " + known);
      }
    }
    Config sweep = given.withFallback(defaults);
    Config base = user.withoutPath("sweep");
    for (Map.Entry<String, String> k : CELL_KEYS.entrySet()) {
      if (base.hasPathOrNull(k.getKey())) {
        throw new IllegalArgumentException(source + ": " + k.getKey() + " is set for each cell by "
            + k.getValue() + "; remove it from the file");
      }
    }
    Checker c = new Checker(source, sweep);
    String dirText = c.string("dir", true);
    List<String> methods = c.list("methods", v -> {
      String name = c.stringElement("methods", v);
      try {
        Method.byName(name);
      } catch (IllegalArgumentException e) {
        throw c.bad("methods", v, e.getMessage());
      }
      return name;
    });
    List<String> mers = c.list("mer", v -> {
      double x = c.numberElement("mer", v);
      if (!(x > 0 && x <= 1)) {
        throw c.bad("mer", v, "a modality existing rate must be in (0, 1]");
      }
      return canonical(x);
    });
    List<Integer> devices = c.list("devices", v -> {
      long n = c.integerElement("devices", v);
      if (n < 1 || n > 100_000) {
        throw c.bad("devices", v, "a number of devices must be in [1, 100000]");
      }
      return (int) n;
    });
    List<Long> seeds = c.list("seeds", v -> c.integerElement("seeds", v));
    String dataText = c.string("data", true);
    DataKind data = DataKind.byWireName(dataText);
    if (data == null) {
      throw c.bad("data", sweep.getValue("data"), "must be one of " + DataKind.wireNames());
    }
    c.bool("report");
    c.bool("share-pretraining");
    c.oneOf("on-cell-error", "continue", "stop");
    c.oneOf("prep.split-unit", "sample", "group");
    c.oneOf("prep.mer-mode", "device", "sample");
    c.range("prep.public-fraction", 0, 0.9);
    c.range("prep.test-fraction", 0, 0.5);
    c.bool("prep.zscore");
    c.range("vast.clips", 1, 10_000_000);
    c.integer("vast.clips");
    c.range("vast.subset-size", 1, Integer.MAX_VALUE);
    c.integer("vast.subset-size");
    c.integer("vast.generator-seed");
    c.integer("vast.subset-seed");
    if (data == DataKind.PREPARED_URFALL) {
      String in = c.string("urfall.input", true);
      if (!Files.isDirectory(Path.of(in))) {
        throw c.bad("urfall.input", sweep.getValue("urfall.input"), "not a directory");
      }
    }
    if (data == DataKind.PREPARED_VAST && !sweep.getIsNull("vast.input")) {
      String in = c.string("vast.input", true);
      if (!Files.isDirectory(Path.of(in))) {
        throw c.bad("vast.input", sweep.getValue("vast.input"), "not a directory");
      }
    }
    if (data != DataKind.PREPARED_URFALL && !sweep.getIsNull("urfall.input")) {
      throw c.bad("urfall.input", sweep.getValue("urfall.input"),
          "applies to data = prepared-urfall only, data is '" + dataText + "'");
    }
    SweepSettings s = new SweepSettings(source, Path.of(dirText), methods, mers, devices, seeds,
        data, sweep, base);
    SweepCell first = s.cells().get(0);
    s.cellSettings(first, s.dataPath(first)); // the training keys, checked once up front
    return s;
  }

  /** The grid, ordered MER, N, seed, then method (a partial sweep has whole method rows). */
  public List<SweepCell> cells() {
    List<SweepCell> out = new ArrayList<>();
    for (String mer : mers) {
      for (int n : devices) {
        for (long seed : seeds) {
          for (String method : methods) {
            out.add(new SweepCell(method, mer, n, seed));
          }
        }
      }
    }
    return out;
  }

  /** The cell's run directory. */
  public Path cellDir(SweepCell cell) {
    return dir.resolve(cell.relativeDir());
  }

  /** The prepared dataset of the cell's (MER, N, seed); null for synthetic data. */
  public Path dataPath(SweepCell cell) {
    if (data == DataKind.SYNTHETIC) {
      return null;
    }
    return dir.resolve(Path.of("data", data.prepDataset(), "mer-" + cell.mer(),
        "n-" + cell.devices(), "seed-" + cell.seed()));
  }

  /**
   * What the public data of a cell depends on besides the training keys: for prepared data the
   * raw input and the prep and VAST options (not MER or N; see {@link PretrainedCache}).
   */
  String publicDataKey() {
    if (data == DataKind.SYNTHETIC) {
      return "synthetic";
    }
    ConfigRenderOptions c = ConfigRenderOptions.concise();
    return data.wireName() + "|" + sweep.getValue("urfall").render(c) + "|"
        + sweep.getValue("vast").render(c) + "|" + sweep.getValue("prep").render(c);
  }

  /** The training settings of one cell: the base configuration plus the cell's keys. */
  public TrainSettings cellSettings(SweepCell cell, Path dataPath) {
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("run.dir", cellDir(cell).toString());
    keys.put("run.method", cell.method());
    keys.put("run.seed", cell.seed());
    if (data == DataKind.SYNTHETIC) {
      keys.put("data.source", "synthetic");
      keys.put("data.synthetic.devices", cell.devices());
      keys.put("data.synthetic.mer", Double.parseDouble(cell.mer()));
    } else {
      keys.put("data.source", "prepared");
      keys.put("data.path", dataPath.toString());
      keys.put("data.devices", 0);
    }
    String text = ConfigFactory.parseMap(keys).withFallback(base).root()
        .render(ConfigRenderOptions.concise());
    return TrainSettings.parse(text, source + " (cell " + cell.label() + ")");
  }

  /** Canonical decimal text of a rate: 0.5, 0.75, 1. */
  static String canonical(double x) {
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }

  /** Typed reads of the sweep block that fail naming the file, the key and the value. */
  private record Checker(String source, Config sweep) {
    interface Element<T> {
      T convert(ConfigValue v);
    }

    IllegalArgumentException bad(String key, ConfigValue v, String why) {
      return new IllegalArgumentException(source + ": sweep." + key + " = "
          + (v == null ? "null" : v.render(ConfigRenderOptions.concise())) + ": " + why);
    }

    String string(String key, boolean required) {
      if (sweep.getIsNull(key)) {
        if (required) {
          throw new IllegalArgumentException(source + ": sweep." + key + " must be set");
        }
        return null;
      }
      ConfigValue v = sweep.getValue(key);
      if (v.valueType() != ConfigValueType.STRING || ((String) v.unwrapped()).isBlank()) {
        throw bad(key, v, "expected a non-empty string");
      }
      return (String) v.unwrapped();
    }

    <T> List<T> list(String key, Element<T> element) {
      ConfigValue v = sweep.getIsNull(key) ? null : sweep.getValue(key);
      if (v == null || v.valueType() != ConfigValueType.LIST) {
        throw bad(key, v, "expected a list, e.g. sweep." + key + " = [...]");
      }
      List<T> out = new ArrayList<>();
      for (ConfigValue e : sweep.getList(key)) {
        out.add(element.convert(e));
      }
      if (out.isEmpty()) {
        throw bad(key, v, "the list is empty");
      }
      if (new LinkedHashSet<>(out).size() != out.size()) {
        throw bad(key, v, "the list has a value twice");
      }
      return List.copyOf(out);
    }

    String stringElement(String key, ConfigValue v) {
      if (v.valueType() != ConfigValueType.STRING) {
        throw bad(key, v, "expected names (strings)");
      }
      return (String) v.unwrapped();
    }

    double numberElement(String key, ConfigValue v) {
      if (v.valueType() == ConfigValueType.NUMBER) {
        return ((Number) v.unwrapped()).doubleValue();
      }
      if (v.valueType() == ConfigValueType.STRING) {
        try {
          return Double.parseDouble((String) v.unwrapped());
        } catch (NumberFormatException e) {
          // reported below
        }
      }
      throw bad(key, v, "'" + v.unwrapped() + "' is not a number");
    }

    long integerElement(String key, ConfigValue v) {
      double d = numberElement(key, v);
      if (d != Math.rint(d) || Math.abs(d) > 1e15) {
        throw bad(key, v, "'" + v.unwrapped() + "' is not an integer");
      }
      return (long) d;
    }

    void bool(String key) {
      ConfigValue v = sweep.getIsNull(key) ? null : sweep.getValue(key);
      if (v == null || v.valueType() != ConfigValueType.BOOLEAN) {
        throw bad(key, v, "expected true or false");
      }
    }

    long integer(String key) {
      ConfigValue v = sweep.getIsNull(key) ? null : sweep.getValue(key);
      if (v == null) {
        throw bad(key, null, "expected an integer");
      }
      return integerElement(key, v);
    }

    void range(String key, double lo, double hi) {
      ConfigValue v = sweep.getIsNull(key) ? null : sweep.getValue(key);
      if (v == null) {
        throw bad(key, null, "expected a number in [" + lo + ", " + hi + "]");
      }
      double d = numberElement(key, v);
      if (!(d >= lo && d <= hi)) {
        throw bad(key, v, "expected a number in [" + canonical(lo) + ", " + canonical(hi) + "]");
      }
    }

    void oneOf(String key, String... allowed) {
      String s = string(key, true);
      if (!List.of(allowed).contains(s)) {
        throw bad(key, sweep.getValue(key), "must be one of " + List.of(allowed));
      }
    }
  }
}
