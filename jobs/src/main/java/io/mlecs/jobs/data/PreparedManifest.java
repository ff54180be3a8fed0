package io.mlecs.jobs.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlecs.core.data.DatasetSpec;
import io.mlecs.core.data.Modality;
import io.mlecs.core.data.TaskType;
import io.mlecs.core.io.FileSink;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code _manifest.json} of a prepared dataset (see docs/DATA_FORMAT.md), turned into what
 * training needs: the dataset description and each device's modality mask.
 *
 * @param spec dataset description (text modalities get {@code textDim} hashed features)
 * @param deviceMasks modality mask of device i at index i
 * @param sha256 hash of the manifest file, recorded in the run manifest
 */
public record PreparedManifest(DatasetSpec spec, int[] deviceMasks, String sha256) {

  /** Reads and validates the manifest; errors name the file and the field. */
  public static PreparedManifest read(FileSink dir, int textDim, int captionTokens) {
    String where = dir.describe("_manifest.json");
    byte[] bytes = dir.read("_manifest.json").orElseThrow(() -> new IllegalArgumentException(
        "data.path: no prepared dataset at " + dir.describe("") + " (missing " + where
            + "; run 'mlecs prep urfall|vast' first)"));
    JsonNode m;
    try {
      m = new ObjectMapper().readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException(where + ": not valid JSON: " + e.getMessage(), e);
    }
    int version = field(m, "format_version", where).asInt();
    if (version != 1) {
      throw new IllegalArgumentException(where + ": format_version " + version
          + " is not supported (expected 1)");
    }
    String dataset = field(m, "dataset", where).asText();
    String task = field(m, "task", where).asText();
    List<Modality> mods = new ArrayList<>();
    for (JsonNode mod : field(m, "modalities", where)) {
      String kind = field(mod, "kind", where).asText();
      int dim = kind.equals("text") ? textDim : field(mod, "dim", where).asInt();
      mods.add(new Modality(field(mod, "name", where).asText(), dim));
    }
    DatasetSpec spec = switch (task) {
      case "classification" -> new DatasetSpec(dataset, TaskType.CLASSIFICATION, mods,
          "what is the activity label", 2, 3);
      case "captioning" -> new DatasetSpec(dataset, TaskType.CAPTIONING, mods,
          "describe the clip", captionTokens, 0);
      default -> throw new IllegalArgumentException(where + ": unknown task '" + task + "'");
    };
    JsonNode devices = field(m, "devices", where);
    int[] masks = new int[devices.size()];
    for (JsonNode d : devices) {
      int id = field(d, "device_id", where).asInt();
      if (id < 0 || id >= masks.length) {
        throw new IllegalArgumentException(where + ": device_id " + id + " outside 0.."
            + (masks.length - 1));
      }
      for (JsonNode name : field(d, "modalities", where)) {
        masks[id] |= 1 << spec.indexOf(name.asText());
      }
    }
    return new PreparedManifest(spec, masks, sha256(bytes));
  }

  public int numDevices() {
    return deviceMasks.length;
  }

  private static JsonNode field(JsonNode n, String name, String where) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(where + ": missing field '" + name + "'");
    }
    return v;
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
