package io.mlecs.core.kernel;

import io.mlecs.core.config.ModelConfig;
import io.mlecs.core.model.ModelShape;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Every activation and temporary of one forward-backward pass of the device model at one batch
 * size, allocated once and reused by every step at that size.
 */
final class LmWorkspace {
  /** Activations of one transformer block (kept for its backward pass). */
  static final class Block {
    final Mat xhat1;
    final double[] rstd1;
    final Mat h1;
    final Mat hq;
    final Mat uq;
    final Mat hv;
    final Mat uv;
    final Mat q;
    final Mat k;
    final Mat v;
    final CausalAttention attention;
    final Mat ctx;
    final Mat xMid;
    final Mat xhat2;
    final double[] rstd2;
    final Mat h2;
    final Mat m1pre;
    final Mat m1;
    final double[] m1sig;

    Block(DataType dt, int batch, int t, int d, int f, int r, int heads) {
      int n = batch * t;
      xhat1 = Mat.zeros(dt, n, d);
      rstd1 = new double[n];
      h1 = Mat.zeros(dt, n, d);
      hq = Mat.zeros(dt, n, d);
      uq = Mat.zeros(dt, n, r);
      hv = Mat.zeros(dt, n, d);
      uv = Mat.zeros(dt, n, r);
      q = Mat.zeros(dt, n, d);
      k = Mat.zeros(dt, n, d);
      v = Mat.zeros(dt, n, d);
      attention = new CausalAttention(batch, t, heads, d / heads);
      ctx = Mat.zeros(dt, n, d);
      xMid = Mat.zeros(dt, n, d);
      xhat2 = Mat.zeros(dt, n, d);
      rstd2 = new double[n];
      h2 = Mat.zeros(dt, n, d);
      m1pre = Mat.zeros(dt, n, f);
      m1 = Mat.zeros(dt, n, f);
      m1sig = new double[n * f];
    }
  }

  /** Activations of one modality's encoder and projector. */
  static final class Branch {
    final Mat a1;
    final Mat h1;
    final double[] h1sig;
    final Mat e;
    final Mat proj;
    final Mat dproj;
    /** The contrastive term's gradient with respect to proj (contrastive objectives). */
    final Mat dprojContrastive;
    final Mat de;
    final Mat da1;

    Branch(DataType dt, int batch, int enc, int latent) {
      a1 = Mat.zeros(dt, batch, enc);
      h1 = Mat.zeros(dt, batch, enc);
      h1sig = new double[batch * enc];
      e = Mat.zeros(dt, batch, enc);
      proj = Mat.zeros(dt, batch, latent);
      dproj = Mat.zeros(dt, batch, latent);
      dprojContrastive = Mat.zeros(dt, batch, latent);
      de = Mat.zeros(dt, batch, enc);
      da1 = Mat.zeros(dt, batch, enc);
    }
  }

  final int batch;
  final DataType dt;
  final Branch[] branches;
  private GramContrastive contrastive;
  final double[] count;
  final Mat mean;
  final Mat f1pre;
  final Mat f1;
  final double[] f1sig;
  final Mat fused;
  final Mat gpre;
  final Mat g;
  final double[] gsig;
  final Mat soft;
  final Mat dmean;
  final Mat df1;
  final Mat dfused;
  final Mat dg;
  final Mat dsoft;
  /** Residual stream before block l ({@code x[layers]} is the input of the final norm). */
  final Mat[] x;
  final Block[] blocks;
  final Mat xhatF;
  final double[] rstdF;
  final Mat outF;
  final Mat target;
  final Mat logits;
  final Mat dlogits;
  final Mat dtarget;
  final Mat dout;
  final Mat dx;
  final Mat dh;
  final Mat dq;
  final Mat dk;
  final Mat dv;
  final Mat du;
  final Mat dlora;
  final Mat dctx;
  final Mat dm1;

  /** The contrastive term's buffers (created on first use). */
  GramContrastive contrastive(int others, double eps) {
    if (contrastive == null) {
      contrastive = new GramContrastive(batch, mean.cols, others, eps, dt);
    }
    return contrastive;
  }

  LmWorkspace(ModelShape shape, int[] modalityDims, int batch, DataType dt) {
    ModelConfig c = shape.config();
    int t = shape.sequenceLength();
    int n = batch * t;
    int d = c.dModel();
    int f = c.ffMultiplier() * d;
    int s = c.latentDim();
    int rows = batch * shape.targetLength();
    this.batch = batch;
    this.dt = dt;
    branches = new Branch[modalityDims.length];
    for (int i = 0; i < branches.length; i++) {
      branches[i] = new Branch(dt, batch, c.encoderDim(), s);
    }
    count = new double[batch];
    mean = Mat.zeros(dt, batch, s);
    f1pre = Mat.zeros(dt, batch, s);
    f1 = Mat.zeros(dt, batch, s);
    f1sig = new double[batch * s];
    fused = Mat.zeros(dt, batch, s);
    gpre = Mat.zeros(dt, batch, c.promptHidden());
    g = Mat.zeros(dt, batch, c.promptHidden());
    gsig = new double[batch * c.promptHidden()];
    soft = Mat.zeros(dt, batch, c.promptTokens() * d);
    dmean = Mat.zeros(dt, batch, s);
    df1 = Mat.zeros(dt, batch, s);
    dfused = Mat.zeros(dt, batch, s);
    dg = Mat.zeros(dt, batch, c.promptHidden());
    dsoft = Mat.zeros(dt, batch, c.promptTokens() * d);
    x = new Mat[c.layers() + 1];
    for (int l = 0; l <= c.layers(); l++) {
      x[l] = Mat.zeros(dt, n, d);
    }
    blocks = new Block[c.layers()];
    for (int l = 0; l < c.layers(); l++) {
      blocks[l] = new Block(dt, batch, t, d, f, c.loraRank(), c.heads());
    }
    xhatF = Mat.zeros(dt, n, d);
    rstdF = new double[n];
    outF = Mat.zeros(dt, n, d);
    target = Mat.zeros(dt, rows, d);
    logits = Mat.zeros(dt, rows, shape.vocabSize());
    dlogits = Mat.zeros(dt, rows, shape.vocabSize());
    dtarget = Mat.zeros(dt, rows, d);
    dout = Mat.zeros(dt, n, d);
    dx = Mat.zeros(dt, n, d);
    dh = Mat.zeros(dt, n, d);
    dq = Mat.zeros(dt, n, d);
    dk = Mat.zeros(dt, n, d);
    dv = Mat.zeros(dt, n, d);
    du = Mat.zeros(dt, n, c.loraRank());
    dlora = Mat.zeros(dt, n, d);
    dctx = Mat.zeros(dt, n, d);
    dm1 = Mat.zeros(dt, n, f);
  }
}
