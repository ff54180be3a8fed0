package io.mlecs.report.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of {@code run-manifest.json} the report relies on.
 *
 * @param runId the run id
 * @param method the method name
 * @param dataset the dataset name
 * @param seed the master seed
 * @param rounds the number of rounds T
 * @param numDevices the number of devices N
 * @param deviceModelParams the parameter count of one device model
 * @param deviceLoraParams the LoRA parameter count of one device model
 * @param config the flat configuration, values as text, in file order
 * @param versions the software versions, values as text, in file order
 */
public record RunManifest(
    String runId,
    String method,
    String dataset,
    long seed,
    int rounds,
    int numDevices,
    long deviceModelParams,
    long deviceLoraParams,
    Map<String, String> config,
    Map<String, String> versions) {

  /** The manifest file name inside a run directory. */
  public static final String FILE_NAME = "run-manifest.json";

  /**
   * Reads a manifest.
   *
   * @param file the {@code run-manifest.json}
   * @return the manifest
   * @throws ReportInputException when the file is missing, not JSON, or lacks or mistypes a field
   */
  public static RunManifest read(Path file) throws ReportInputException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(StrictText.read(file));
    } catch (IOException e) {
      throw new ReportInputException(file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new ReportInputException(file + ": expected a JSON object");
    }
    return new RunManifest(
        text(root, "run_id", file), text(root, "method", file), text(root, "dataset", file),
        number(root, "seed", file), (int) positive(root, "rounds", file), (int) positive(root, "num_devices", file),
        positive(root, "device_model_params", file), number(root, "device_lora_params", file),
        flat(root, "config", file), flat(root, "versions", file));
  }

  private static JsonNode field(JsonNode root, String name, Path file) throws ReportInputException {
    JsonNode node = root.get(name);
    if (node == null || node.isNull()) {
      throw new ReportInputException(file + ": missing field '" + name + "'");
    }
    return node;
  }

  private static String text(JsonNode root, String name, Path file) throws ReportInputException {
    JsonNode node = field(root, name, file);
    if (!node.isTextual()) {
      throw new ReportInputException(file + ": field '" + name + "' must be a string, got " + node);
    }
    return node.asText();
  }

  private static long number(JsonNode root, String name, Path file) throws ReportInputException {
    JsonNode node = field(root, name, file);
    if (!node.isIntegralNumber() && !(node.isNumber() && node.asDouble() == Math.rint(node.asDouble()))) {
      throw new ReportInputException(file + ": field '" + name + "' must be an integer, got " + node);
    }
    return node.asLong();
  }

  private static long positive(JsonNode root, String name, Path file) throws ReportInputException {
    long v = number(root, name, file);
    if (v < 1) {
      throw new ReportInputException(file + ": field '" + name + "' must be positive, got " + v);
    }
    return v;
  }

  private static Map<String, String> flat(JsonNode root, String name, Path file) throws ReportInputException {
    JsonNode node = root.get(name);
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw new ReportInputException(file + ": field '" + name + "' must be an object, got " + node);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      out.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
    }
    return out;
  }
}
