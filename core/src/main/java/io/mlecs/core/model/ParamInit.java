package io.mlecs.core.model;

import io.mlecs.core.config.ModelConfig;
import io.mlecs.core.data.Modality;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Deterministic parameter initialisation from a seed (java.util.SplittableRandom; never the
 * process-wide ND4J RNG, which Spark tasks running in parallel would share). Backbone weights:
 * N(0, 0.02) as in GPT-2; encoder/connector weights: N(0, 1/fan_in); LoRA A: U(-1/sqrt(d),
 * 1/sqrt(d)), LoRA B = 0 so the adapted model starts equal to the base model.
 */
public final class ParamInit {
  private ParamInit() {}

  /** Frozen backbone weights (token/position embeddings, blocks, final norm). */
  public static void backbone(ParamStore p, ModelShape shape, long seed, DataType dt) {
    ModelConfig c = shape.config();
    SplittableRandom r = new SplittableRandom(seed);
    int d = c.dModel();
    int f = c.ffMultiplier() * d;
    p.put(ParamNames.TOKEN_EMBEDDING, normal(r, dt, 0.02, shape.vocabSize(), d));
    p.put(ParamNames.POSITION_EMBEDDING, normal(r, dt, 0.01, shape.sequenceLength(), d));
    for (int l = 0; l < c.layers(); l++) {
      p.put(ParamNames.block(l, "ln1.g"), Nd4j.ones(dt, d));
      p.put(ParamNames.block(l, "ln1.b"), Nd4j.zeros(dt, d));
      p.put(ParamNames.block(l, "attn.wq"), normal(r, dt, 0.02, d, d));
      p.put(ParamNames.block(l, "attn.wk"), normal(r, dt, 0.02, d, d));
      p.put(ParamNames.block(l, "attn.wv"), normal(r, dt, 0.02, d, d));
      p.put(ParamNames.block(l, "attn.wo"), normal(r, dt, 0.02 / Math.sqrt(2.0 * c.layers()), d, d));
      p.put(ParamNames.block(l, "ln2.g"), Nd4j.ones(dt, d));
      p.put(ParamNames.block(l, "ln2.b"), Nd4j.zeros(dt, d));
      p.put(ParamNames.block(l, "mlp.w1"), normal(r, dt, 0.02, d, f));
      p.put(ParamNames.block(l, "mlp.b1"), Nd4j.zeros(dt, f));
      p.put(ParamNames.block(l, "mlp.w2"), normal(r, dt, 0.02 / Math.sqrt(2.0 * c.layers()), f, d));
      p.put(ParamNames.block(l, "mlp.b2"), Nd4j.zeros(dt, d));
    }
    p.put(ParamNames.FINAL_NORM_GAIN, Nd4j.ones(dt, d));
    p.put(ParamNames.FINAL_NORM_BIAS, Nd4j.zeros(dt, d));
  }

  /** LoRA adapters on q and v of every block (B = 0). */
  public static void lora(ParamStore p, ModelConfig c, long seed, DataType dt) {
    SplittableRandom r = new SplittableRandom(seed);
    int d = c.dModel();
    double bound = 1.0 / Math.sqrt(d);
    for (int l = 0; l < c.layers(); l++) {
      for (char proj : new char[] {'q', 'v'}) {
        p.put(ParamNames.lora(l, proj, 'a'), uniform(r, dt, bound, d, c.loraRank()));
        p.put(ParamNames.lora(l, proj, 'b'), Nd4j.zeros(dt, c.loraRank(), d));
      }
    }
  }

  /** One modality encoder: Linear(dim, e) - GELU - Linear(e, e). */
  public static void encoder(ParamStore p, ModelConfig c, Modality m, long seed, DataType dt) {
    SplittableRandom r = new SplittableRandom(seed);
    int e = c.encoderDim();
    p.put(ParamNames.encoder(m.name(), "w1"), normal(r, dt, 1.0 / Math.sqrt(m.dim()), m.dim(), e));
    p.put(ParamNames.encoder(m.name(), "b1"), Nd4j.zeros(dt, e));
    p.put(ParamNames.encoder(m.name(), "w2"), normal(r, dt, 1.0 / Math.sqrt(e), e, e));
    p.put(ParamNames.encoder(m.name(), "b2"), Nd4j.zeros(dt, e));
  }

  /** Projector of one modality into the shared latent space: Linear(e, d_s). */
  public static void projector(ParamStore p, ModelConfig c, Modality m, long seed, DataType dt) {
    SplittableRandom r = new SplittableRandom(seed);
    p.put(ParamNames.projector(m.name(), "w"),
        normal(r, dt, 1.0 / Math.sqrt(c.encoderDim()), c.encoderDim(), c.latentDim()));
    p.put(ParamNames.projector(m.name(), "b"), Nd4j.zeros(dt, c.latentDim()));
  }

  /** Fusion MLP and soft-prompt generator, plus the contrastive temperature (tau = 0.07). */
  public static void connectorCore(ParamStore p, ModelConfig c, long seed, DataType dt) {
    SplittableRandom r = new SplittableRandom(seed);
    int s = c.latentDim();
    int h = c.promptHidden();
    int out = c.promptTokens() * c.dModel();
    p.put(ParamNames.fusion("w1"), normal(r, dt, 1.0 / Math.sqrt(s), s, s));
    p.put(ParamNames.fusion("b1"), Nd4j.zeros(dt, s));
    p.put(ParamNames.fusion("w2"), normal(r, dt, 1.0 / Math.sqrt(s), s, s));
    p.put(ParamNames.fusion("b2"), Nd4j.zeros(dt, s));
    p.put(ParamNames.softPrompt("w1"), normal(r, dt, 1.0 / Math.sqrt(s), s, h));
    p.put(ParamNames.softPrompt("b1"), Nd4j.zeros(dt, h));
    p.put(ParamNames.softPrompt("w2"), normal(r, dt, 0.02, h, out));
    p.put(ParamNames.softPrompt("b2"), Nd4j.zeros(dt, out));
    p.put(ParamNames.LOG_TAU, Nd4j.createFromArray(Math.log(0.07)).castTo(dt));
  }

  static INDArray normal(SplittableRandom r, DataType dt, double std, long... shape) {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    double[] v = new double[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextGaussian() * std;
    }
    return Nd4j.create(v, shape, DataType.DOUBLE).castTo(dt);
  }

  static INDArray uniform(SplittableRandom r, DataType dt, double bound, long... shape) {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    double[] v = new double[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = (2 * r.nextDouble() - 1) * bound;
    }
    return Nd4j.create(v, shape, DataType.DOUBLE).castTo(dt);
  }
}
