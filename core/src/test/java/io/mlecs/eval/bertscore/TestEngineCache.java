package io.mlecs.eval.bertscore;

/** Test helper: keeps DJL's extracted native tokenizer library under target/ instead of the home folder. */
public final class TestEngineCache {

  private TestEngineCache() {}

  /** Sets {@code ENGINE_CACHE_DIR} to {@code target/djl-cache} unless the environment chose one. */
  public static void redirect() {
    if (System.getenv("ENGINE_CACHE_DIR") == null && System.getProperty("ENGINE_CACHE_DIR") == null) {
      System.setProperty("ENGINE_CACHE_DIR", "target/djl-cache");
    }
  }
}
