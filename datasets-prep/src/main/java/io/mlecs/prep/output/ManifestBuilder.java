package io.mlecs.prep.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlecs.prep.partition.Assignment;
import io.mlecs.prep.partition.DeviceSummary;
import io.mlecs.prep.partition.MerMode;
import io.mlecs.prep.partition.PartitionConfig;
import io.mlecs.prep.partition.PartitionResult;
import io.mlecs.prep.source.ModalitySpec;
import io.mlecs.prep.source.RawSample;
import io.mlecs.prep.source.SourceDataset;
import io.mlecs.prep.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Builds {@code _manifest.json} (format_version 1; the fields are documented in docs/DATA_FORMAT.md). */
public final class ManifestBuilder {
  /** The manifest format version. */
  public static final int FORMAT_VERSION = 1;
  /** Mapper used for manifests: pretty printed, map keys sorted. */
  public static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private ManifestBuilder() {}

  public static ObjectNode build(
      SourceDataset src, PartitionResult part, PartitionConfig cfg, boolean zscore, Map<String, Object> options) {
    List<ModalitySpec> mods = src.modalities();
    ObjectNode m = JSON.createObjectNode();
    m.put("format_version", FORMAT_VERSION);
    m.put("dataset", src.dataset());
    m.put("task", src.task());
    ArrayNode modalities = m.putArray("modalities");
    for (ModalitySpec spec : mods) {
      ObjectNode o = modalities.addObject().put("name", spec.name()).put("kind", spec.kind().wireName());
      if (spec.dim() > 0) {
        o.put("dim", spec.dim());
      }
    }
    m.put("seed", cfg.seed());
    m.put("num_devices", cfg.numDevices());
    ObjectNode mer = m.putObject("mer");
    for (int i = 0; i < mods.size(); i++) {
      mer.put(mods.get(i).name(), cfg.mer()[i]);
    }
    m.put("mer_mode", cfg.merMode().wireName());
    m.put("public_fraction", cfg.publicFraction());
    m.put("test_fraction", cfg.testFraction());
    m.put("split_unit", cfg.splitUnit().wireName());
    m.put("zscore", zscore);
    m.set("devices", devices(part, mods, cfg.merMode()));
    m.set("row_counts", rowCounts(part.assignments()));
    if (src.samples().stream().anyMatch(s -> s.label() != null)) {
      m.set("label_counts", labelCounts(src.samples()));
    }
    m.set("mer_realised", merRealised(src, part, cfg.merMode()));
    m.put("rows_without_modalities", part.assignments().stream().filter(a -> a.presenceMask() == 0).count());
    m.set("source_coverage", coverage(src));
    ArrayNode sources = m.putArray("sources");
    for (SourceFile f : src.sources()) {
      sources.addObject().put("path", f.path()).put("sha256", f.sha256()).put("bytes", f.bytes()).put("files", f.files());
    }
    ObjectNode skipped = m.putObject("skipped_rows");
    skipped.put("count", src.badRows().count());
    ArrayNode examples = skipped.putArray("examples");
    src.badRows().examples().forEach(examples::add);
    src.extra().forEach((k, v) -> m.set(k, JSON.valueToTree(v)));
    m.set("options", JSON.valueToTree(options));
    return m;
  }

  private static ArrayNode devices(PartitionResult part, List<ModalitySpec> mods, MerMode mode) {
    ArrayNode devices = JSON.createArrayNode();
    for (DeviceSummary d : part.devices()) {
      ObjectNode o = devices.addObject();
      o.put("device_id", d.deviceId());
      o.set("modalities", names(d.modalityMask(), mods));
      if (mode == MerMode.DEVICE) {
        o.set("drawn_modalities", names(d.drawnMask(), mods));
      }
      o.putObject("rows").put("train", d.trainRows()).put("test", d.testRows());
    }
    return devices;
  }

  private static ArrayNode names(int mask, List<ModalitySpec> mods) {
    ArrayNode a = JSON.createArrayNode();
    for (int i = 0; i < mods.size(); i++) {
      if ((mask & (1 << i)) != 0) {
        a.add(mods.get(i).name());
      }
    }
    return a;
  }

  private static ObjectNode rowCounts(List<Assignment> assignments) {
    long[] c = new long[4];
    for (Assignment a : assignments) {
      c[(a.role().equals(Assignment.PUBLIC) ? 0 : 2) + (a.split().equals(Assignment.TRAIN) ? 0 : 1)]++;
    }
    ObjectNode o = JSON.createObjectNode();
    o.putObject(Assignment.PUBLIC).put("train", c[0]).put("test", c[1]);
    o.putObject(Assignment.PRIVATE).put("train", c[2]).put("test", c[3]);
    o.put("total", assignments.size());
    return o;
  }

  private static ObjectNode labelCounts(List<RawSample> samples) {
    java.util.TreeMap<Integer, Long> counts = new java.util.TreeMap<>();
    for (int l = 0; l < 3; l++) {
      counts.put(l, 0L);
    }
    for (RawSample s : samples) {
      counts.merge(s.label(), 1L, Long::sum);
    }
    ObjectNode o = JSON.createObjectNode();
    counts.forEach((k, v) -> o.put(Integer.toString(k), v));
    return o;
  }

  /**
   * Device mode: fraction of devices that drew each modality. Sample mode: fraction of private rows keeping
   * each modality among the private rows whose source has it. Both are about rho_m / (1 - prod_k (1 - rho_k))
   * because empty draws are redrawn.
   */
  private static ObjectNode merRealised(SourceDataset src, PartitionResult part, MerMode mode) {
    List<ModalitySpec> mods = src.modalities();
    ObjectNode o = JSON.createObjectNode();
    for (int i = 0; i < mods.size(); i++) {
      int bit = 1 << i;
      double num = 0;
      double den = 0;
      if (mode == MerMode.DEVICE) {
        for (DeviceSummary d : part.devices()) {
          num += (d.drawnMask() & bit) != 0 ? 1 : 0;
          den++;
        }
      } else {
        for (int r = 0; r < src.samples().size(); r++) {
          Assignment a = part.assignments().get(r);
          if (a.role().equals(Assignment.PRIVATE) && (src.samples().get(r).availableMask(mods) & bit) != 0) {
            num += (a.presenceMask() & bit) != 0 ? 1 : 0;
            den++;
          }
        }
      }
      if (den > 0) {
        o.put(mods.get(i).name(), num / den);
      } else {
        o.putNull(mods.get(i).name());
      }
    }
    return o;
  }

  private static ObjectNode coverage(SourceDataset src) {
    List<ModalitySpec> mods = src.modalities();
    ObjectNode o = JSON.createObjectNode();
    for (int i = 0; i < mods.size(); i++) {
      int bit = 1 << i;
      long present = 0;
      TreeSet<String> groupsMissing = new TreeSet<>();
      for (RawSample s : src.samples()) {
        if ((s.availableMask(mods) & bit) != 0) {
          present++;
        } else {
          groupsMissing.add(s.groupId());
        }
      }
      ObjectNode c = o.putObject(mods.get(i).name());
      c.put("rows_present", present);
      c.put("rows_missing", src.samples().size() - present);
      c.put("groups_missing", groupsMissing.size());
      ArrayNode ex = c.putArray("groups_missing_examples");
      new ArrayList<>(groupsMissing).stream().limit(20).forEach(ex::add);
      JsonNode reasons = JSON.valueToTree(src.missingReasons().getOrDefault(mods.get(i).name(), Map.of()));
      c.set("reasons", reasons);
    }
    return o;
  }
}
