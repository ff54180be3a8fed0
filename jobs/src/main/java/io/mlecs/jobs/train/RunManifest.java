package io.mlecs.jobs.train;

import io.mlecs.core.model.ParamStore;
import io.mlecs.core.train.ModelContext;
import io.mlecs.core.train.ModelFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run manifest: every configuration value (defaults included), the seed, the code version,
 * Java/Spark/ND4J versions, the input's provenance (prepared manifest hash or synthetic options)
 * and the model sizes that the report's communication ratio needs.
 */
final class RunManifest {
  private RunManifest() {}

  static Map<String, Object> of(TrainSettings s, ModelContext ctx, RunData data,
      String sparkVersion) {
    var c = ctx.config();
    ParamStore full = ModelFactory.trainable(c.device(), ctx.dataset(),
        ctx.dataset().fullMask(), c.seed());
    long lora = ModelFactory.initialLora(c.device(), c.seed()).count();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", Path.of(s.runDir()).getFileName() + "");
    m.put("method", c.method());
    m.put("dataset", ctx.dataset().name());
    m.put("seed", c.seed());
    m.put("rounds", c.rounds());
    m.put("num_devices", data.driver().devices().isEmpty()
        ? data.provenance().getOrDefault("devices", 0) : data.driver().devices().size());
    m.put("device_model_params", full.count() + ctx.deviceBase().count() + lora);
    m.put("device_lora_params", lora);
    m.put("server_llm_backbone_params", ctx.serverBase().count());
    m.put("vocab_size", ctx.tokenizer().size());
    Map<String, Object> flat = new LinkedHashMap<>();
    s.config().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> flat.put(e.getKey(), e.getValue().unwrapped()));
    m.put("config", flat);
    m.put("input", data.provenance());
    m.put("versions", Map.of("java", System.getProperty("java.version"), "spark", sparkVersion,
        "nd4j", "1.0.0-M2.1", "code", gitCommit()));
    return m;
  }

  /** The commit of the working copy the job was started from, or "unknown". */
  static String gitCommit() {
    try {
      Path head = Path.of(".git", "HEAD");
      if (!Files.isRegularFile(head)) {
        return "unknown";
      }
      String h = Files.readString(head).trim();
      if (h.startsWith("ref: ")) {
        Path ref = Path.of(".git").resolve(h.substring(5));
        return Files.isRegularFile(ref) ? Files.readString(ref).trim() : "unknown";
      }
      return h;
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
