package io.mlecs.prep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code --mer}: a single rate for every modality ({@code 0.5}) or {@code name=rate} for each one. */
public final class MerSpec {
  private MerSpec() {}

  /** Rates in modality order; ranges are checked by {@link PrepOptions}. */
  public static Map<String, Double> parse(String spec, List<String> modalities) {
    Map<String, Double> out = new LinkedHashMap<>();
    String s = spec.strip();
    if (!s.contains("=")) {
      double v = ArgParser.parseDouble("--mer", s);
      modalities.forEach(m -> out.put(m, v));
      return out;
    }
    Map<String, Double> given = new LinkedHashMap<>();
    for (String part : s.split(",", -1)) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("--mer entry '" + part + "' is not name=rate (in '" + spec + "')");
      }
      String name = part.substring(0, eq).strip();
      if (!modalities.contains(name)) {
        throw new IllegalArgumentException(
            "--mer names unknown modality '" + name + "' (modalities: " + String.join(", ", modalities) + ")");
      }
      if (given.put(name, ArgParser.parseDouble("--mer " + name, part.substring(eq + 1))) != null) {
        throw new IllegalArgumentException("--mer gives modality '" + name + "' twice");
      }
    }
    for (String m : modalities) {
      if (!given.containsKey(m)) {
        throw new IllegalArgumentException(
            "--mer misses modality '" + m + "': give one rate for all or every one of " + String.join(", ", modalities));
      }
      out.put(m, given.get(m));
    }
    return out;
  }

  /** The canonical text of rates, e.g. {@code rgb=0.5,depth=0.5,acce=0.5}. */
  public static String format(Map<String, Double> mer) {
    StringBuilder b = new StringBuilder();
    mer.forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return b.toString();
  }
}
