package io.mlecs.core.data;

import io.mlecs.core.config.Require;

/**
 * One input modality of a dataset. Every modality reaches the model as a fixed-length feature
 * vector of {@code dim} floats (text modalities are featurised before they reach the model).
 *
 * @param name modality name, e.g. {@code rgb}, {@code depth}, {@code acce}, {@code vision}
 * @param dim feature-vector length
 */
public record Modality(String name, int dim) implements java.io.Serializable {
  public Modality {
    Require.notNull("modality.name", name);
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException(
          "modality.name must match [a-z][a-z0-9_]*, got '" + name + "'");
    }
    Require.positive("modality '" + name + "' dim", dim);
  }
}
