package io.mlecs.core.data;

import java.nio.charset.StandardCharsets;

/**
 * Turns a text modality (e.g. a VAST subtitle) into a fixed-length vector: normalised words
 * (see {@link WordTokenizer#words}) hashed with 32-bit FNV-1a into {@code dim} buckets, counted,
 * then L2-normalised. Stable across JVMs and runs; the trainable encoder sits on top. (The frozen
 * all-MiniLM-L6-v2 sentence encoder shipped for BERTScore is the richer alternative the spec
 * names; it is not wired in here.)
 */
public final class HashedTextFeaturizer {
  private final int dim;

  public HashedTextFeaturizer(int dim) {
    if (dim <= 0) {
      throw new IllegalArgumentException("text feature dim must be > 0, got " + dim);
    }
    this.dim = dim;
  }

  public int dim() {
    return dim;
  }

  public float[] featurize(String text) {
    float[] v = new float[dim];
    for (String w : WordTokenizer.words(text)) {
      v[Integer.remainderUnsigned(fnv1a(w), dim)] += 1f;
    }
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    if (norm > 0) {
      float inv = (float) (1.0 / Math.sqrt(norm));
      for (int i = 0; i < dim; i++) {
        v[i] *= inv;
      }
    }
    return v;
  }

  static int fnv1a(String s) {
    int h = 0x811C9DC5;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xFF;
      h *= 0x01000193;
    }
    return h;
  }
}
