package io.mlecs.jobs.quickstart;

import io.mlecs.core.data.FederatedData;
import io.mlecs.core.engine.Method;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.train.ModelContext;
import io.mlecs.core.train.ModelFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/** The run manifest: config values with defaults, seeds, sizes and versions. */
public final class RunManifests {
  private RunManifests() {}

  public static Map<String, Object> of(ModelContext mc, FederatedData data, Method method) {
    var c = mc.config();
    ParamStore devModel = ModelFactory.trainable(c.device(), data.spec(), data.spec().fullMask(),
        c.seed());
    long loraParams = ModelFactory.initialLora(c.device(), c.seed()).count();
    long deviceParams = devModel.count() + mc.deviceBase().count() + loraParams;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", data.spec().name() + "-" + method.name() + "-" + c.seed());
    m.put("method", method.name());
    m.put("dataset", data.spec().name());
    m.put("seed", c.seed());
    m.put("rounds", c.rounds());
    m.put("num_devices", data.devices().size());
    m.put("device_model_params", deviceParams);
    m.put("device_lora_params", loraParams);
    m.put("server_llm_backbone_params", mc.serverBase().count());
    Map<String, Object> cfg = new LinkedHashMap<>();
    cfg.put("device", c.device().toString());
    cfg.put("server", c.server().toString());
    cfg.put("train", c.train().toString());
    cfg.put("vocab_size", mc.tokenizer().size());
    m.put("config", cfg);
    m.put("versions", Map.of("java", System.getProperty("java.version"),
        "nd4j", "1.0.0-M2.1"));
    return m;
  }
}
