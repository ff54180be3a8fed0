package io.mlecs.core.model;

/** The naming scheme of every parameter tensor (see {@link ParamStore}). */
public final class ParamNames {
  private ParamNames() {}

  public static final String TOKEN_EMBEDDING = "base.tok_emb";
  public static final String POSITION_EMBEDDING = "base.pos_emb";
  public static final String FINAL_NORM_GAIN = "base.lnf.g";
  public static final String FINAL_NORM_BIAS = "base.lnf.b";
  public static final String LOG_TAU = "ccl.log_tau";

  public static String block(int layer, String leaf) {
    return "base.L" + layer + "." + leaf;
  }

  /** LoRA factor: {@code proj} is q or v, {@code factor} is a (d x r) or b (r x d). */
  public static String lora(int layer, char proj, char factor) {
    return "lora.L" + layer + "." + proj + "." + factor;
  }

  public static String encoder(String modality, String leaf) {
    return "enc." + modality + "." + leaf;
  }

  public static String projector(String modality, String leaf) {
    return "conn.proj." + modality + "." + leaf;
  }

  public static String fusion(String leaf) {
    return "conn.fuse." + leaf;
  }

  public static String softPrompt(String leaf) {
    return "conn.spg." + leaf;
  }
}
