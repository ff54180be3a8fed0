package io.mlecs.prep.source;

import java.util.Objects;

/**
 * One modality of a dataset. Its position in the dataset's modality list is its bit in {@code presence_mask}.
 *
 * @param name modality name (the key in {@code features} / {@code texts})
 * @param kind vector or text
 * @param dim vector length for {@link ModalityKind#VECTOR}, 0 for text
 */
public record ModalitySpec(String name, ModalityKind kind, int dim) {
  public ModalitySpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (name.isBlank()) {
      throw new IllegalArgumentException("modality name must not be blank");
    }
    if (kind == ModalityKind.VECTOR && dim <= 0) {
      throw new IllegalArgumentException("vector modality " + name + " needs dim > 0, got " + dim);
    }
    if (kind == ModalityKind.TEXT && dim != 0) {
      throw new IllegalArgumentException("text modality " + name + " must have dim 0, got " + dim);
    }
  }

  public static ModalitySpec vector(String name, int dim) {
    return new ModalitySpec(name, ModalityKind.VECTOR, dim);
  }

  public static ModalitySpec text(String name) {
    return new ModalitySpec(name, ModalityKind.TEXT, 0);
  }
}
