package io.mlecs.eval.bertscore;

/**
 * Keeps DJL from downloading anything. With {@code ai.djl.offline=true} DJL's tokenizers library
 * uses its CPU flavour and extracts the native library bundled in the tokenizers jar (into DJL's
 * engine cache, {@code ENGINE_CACHE_DIR} or {@code DJL_CACHE_DIR}, by default under the home folder)
 * instead of fetching a CUDA build from the network.
 */
final class DjlOffline {

  /** DJL's offline switch (system property). */
  static final String OFFLINE_PROPERTY = "ai.djl.offline";

  private DjlOffline() {}

  /** Sets offline mode unless the caller already chose a value. Call before the first tokenizer. */
  static synchronized void ensure() {
    if (System.getProperty(OFFLINE_PROPERTY) == null) {
      System.setProperty(OFFLINE_PROPERTY, "true");
    }
  }
}
