package io.mlecs.jobs.train;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import io.mlecs.core.aggregate.ServerOptimizer;
import io.mlecs.core.config.ModelConfig;
import io.mlecs.core.config.RunConfig;
import io.mlecs.core.config.StepEngine;
import io.mlecs.core.config.TrainConfig;
import io.mlecs.core.engine.Method;
import java.util.Map;
import java.util.TreeSet;

/**
 * A training run's settings, from a HOCON file over the defaults in {@code mlecs-defaults.conf}.
 * Validated before any work: unknown keys, wrong types and bad values fail with the source, the
 * key and the value.
 *
 * @param source where the settings came from (for messages)
 * @param config the resolved configuration, defaults included (echoed into the run manifest)
 */
public record TrainSettings(String source, Config config) {

  public static Config defaults() {
    return ConfigFactory.parseResources(TrainSettings.class.getClassLoader(),
        "mlecs-defaults.conf");
  }

  /** Parses HOCON text from {@code source} over the defaults, rejecting unknown keys. */
  public static TrainSettings parse(String hocon, String source) {
    Config user;
    try {
      user = ConfigFactory.parseString(hocon);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
    Config defaults = defaults();
    for (Map.Entry<String, ConfigValue> e : user.entrySet()) {
      if (!defaults.hasPathOrNull(e.getKey())) {
        String parent = e.getKey().contains(".")
            ? e.getKey().substring(0, e.getKey().lastIndexOf('.')) : "";
        TreeSet<String> known = new TreeSet<>();
        for (Map.Entry<String, ConfigValue> d : defaults.entrySet()) {
          if (parent.isEmpty() || d.getKey().startsWith(parent + ".")) {
            known.add(d.getKey());
          }
        }
        throw new IllegalArgumentException(source + ": unknown key '" + e.getKey() + "'"
            + (parent.isEmpty() ? "" : "; keys under '" + parent + "': " + known));
      }
    }
    TrainSettings s = new TrainSettings(source, user.withFallback(defaults).resolve());
    s.runConfig();
    s.validate();
    return s;
  }

  private void validate() {
    method();
    oneOf("data.source", "synthetic", "prepared");
    oneOf("spark.transport", "spark", "local");
    oneOf("server.placement", "driver", "gpu-stage");
    oneOf("data.synthetic.task", "classification", "captioning");
    oneOf("data.synthetic.generate-on", "driver", "executors");
    if (prepared() && config.getIsNull("data.path")) {
      throw new IllegalArgumentException(source + ": data.path must be set when data.source = "
          + "prepared");
    }
    positive("spark.devices-per-task");
    positive("spark.tree-depth");
    positive("run.keep-device-states");
    positive("data.text-dim");
    positive("data.caption-tokens");
    if (config.getInt("data.devices") < 0) {
      throw new IllegalArgumentException(source + ": data.devices must be >= 0, got "
          + config.getInt("data.devices"));
    }
  }

  private void oneOf(String key, String... allowed) {
    String v = string(key);
    for (String a : allowed) {
      if (a.equals(v)) {
        return;
      }
    }
    throw new IllegalArgumentException(source + ": " + key + " must be one of "
        + java.util.Arrays.toString(allowed) + ", got '" + v + "'");
  }

  private void positive(String key) {
    int v = integer(key);
    if (v <= 0) {
      throw new IllegalArgumentException(source + ": " + key + " must be > 0, got " + v);
    }
  }

  public String string(String key) {
    try {
      return config.getString(key);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  public int integer(String key) {
    try {
      return config.getInt(key);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  public double number(String key) {
    try {
      return config.getDouble(key);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  public boolean bool(String key) {
    try {
      return config.getBoolean(key);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  public boolean prepared() {
    return string("data.source").equals("prepared");
  }

  public String runDir() {
    return string("run.dir");
  }

  /**
   * The method of {@code run.method}; a FedAdagrad server step takes {@code methods.fedadagrad-eta}
   * and {@code methods.fedadagrad-tau}.
   */
  public Method method() {
    Method m;
    try {
      m = Method.byName(string("run.method"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": run.method: " + e.getMessage(), e);
    }
    if (m.serverOptimizer().kind() != ServerOptimizer.Kind.FED_ADAGRAD) {
      return m;
    }
    double eta = number("methods.fedadagrad-eta");
    double tau = number("methods.fedadagrad-tau");
    try {
      return m.withServerOptimizer(ServerOptimizer.fedAdagrad(eta, tau));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": methods.fedadagrad-eta / fedadagrad-tau: "
          + e.getMessage(), e);
    }
  }

  /** {@code train.step-engine}: kernel or samediff. */
  private StepEngine stepEngine() {
    String name = string("train.step-engine");
    try {
      return StepEngine.byName(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": train.step-engine: " + e.getMessage(), e);
    }
  }

  /** The core run configuration; constructor checks are re-thrown naming the source. */
  public RunConfig runConfig() {
    try {
      method();
      return new RunConfig(config.getLong("run.seed"), integer("run.rounds"),
          string("run.method"), model("model.device"), model("model.server"),
          new TrainConfig(number("train.learning-rate"), integer("train.batch-size"),
              integer("train.ccl-epochs"), integer("train.amt-epochs"),
              integer("train.server-epochs"), integer("train.pretrain-epochs"),
              number("train.pretrain-learning-rate"), number("train.kt-weight"),
              number("train.kt-temperature"), number("train.label-smoothing"),
              integer("train.max-vocab"), integer("train.eval-max-samples"),
              bool("train.eval-bertscore"), stepEngine()));
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(source)) {
        throw e;
      }
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private ModelConfig model(String p) {
    return new ModelConfig(integer(p + ".d-model"), integer(p + ".heads"),
        integer(p + ".layers"), integer(p + ".ff-multiplier"), integer(p + ".encoder-dim"),
        integer(p + ".latent-dim"), integer(p + ".prompt-tokens"),
        integer(p + ".prompt-hidden"), integer(p + ".lora-rank"), number(p + ".lora-alpha"),
        number(p + ".lora-dropout"));
  }

  /** The resolved configuration as HOCON/JSON text (saved in the run directory for resume). */
  public String render() {
    return config.root().render(ConfigRenderOptions.concise().setFormatted(true));
  }
}
