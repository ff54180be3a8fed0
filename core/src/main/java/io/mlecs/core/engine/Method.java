package io.mlecs.core.engine;

import io.mlecs.core.aggregate.AggregationRule;
import java.util.List;

/**
 * A method is a small policy on the shared round engine.
 *
 * @param name method name as used in configs
 * @param deviceCcl devices run CCL on their view of the public data before AMT
 * @param collaborate devices upload LoRA and receive the server's (false: Standalone)
 * @param aggregation how uploads are weighted
 * @param seCcl the server runs SE-CCL (LLM and SLM teaching each other) after aggregation
 */
public record Method(String name, boolean deviceCcl, boolean collaborate,
    AggregationRule aggregation, boolean seCcl) implements java.io.Serializable {

  /** ML-ECS: CCL + AMT on devices, MMA and SE-CCL on the server. */
  public static final Method ML_ECS =
      new Method("ml-ecs", true, true, AggregationRule.MODALITY_WEIGHTED, true);
  /** Ablation: uniform aggregation weights instead of MMA. */
  public static final Method ML_ECS_NO_MMA =
      new Method("ml-ecs-no-mma", true, true, AggregationRule.UNIFORM, true);
  /** Ablation: no SE-CCL on the server (the aggregated LoRA goes straight back). */
  public static final Method ML_ECS_NO_SECCL =
      new Method("ml-ecs-no-seccl", true, true, AggregationRule.MODALITY_WEIGHTED, false);
  /** Standalone: every device trains alone on its private data (AMT only), no communication. */
  public static final Method STANDALONE =
      new Method("standalone", false, false, AggregationRule.UNIFORM, false);

  public static List<Method> all() {
    return List.of(ML_ECS, ML_ECS_NO_MMA, ML_ECS_NO_SECCL, STANDALONE);
  }

  /** The method of that name; IllegalArgumentException listing the known ones otherwise. */
  public static Method byName(String name) {
    for (Method m : all()) {
      if (m.name.equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown method '" + name + "'; known: "
        + all().stream().map(Method::name).toList());
  }
}
