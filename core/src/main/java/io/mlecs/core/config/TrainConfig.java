package io.mlecs.core.config;

/**
 * Optimisation settings shared by devices and the server.
 *
 * @param learningRate Adam learning rate
 * @param batchSize minibatch size (contrastive stages need >= 2)
 * @param cclEpochs local epochs of CCL on the device's view of the public data
 * @param amtEpochs local epochs of AMT on the device's private data
 * @param serverEpochs epochs of SE-CCL over the public data per round
 * @param pretrainEpochs epochs of backbone pretraining on public text before round 1
 * @param pretrainLearningRate learning rate of backbone pretraining
 * @param ktWeight weight lambda of the knowledge-transfer loss
 * @param ktTemperature temperature T of the knowledge-transfer loss
 * @param labelSmoothing label smoothing of the contrastive targets (GRAM: 0.1)
 * @param maxVocab tokenizer vocabulary cap (special tokens included)
 * @param evalMaxSamples at most this many test samples per device are decoded for the metric
 * @param evalBertScore captioning: also score the decoded captions with BERTScore (F1 of
 *     all-MiniLM-L6-v2 token embeddings, {@code io.mlecs.eval.bertscore}) every round
 * @param stepEngine what computes the loss and gradients of a step ({@link StepEngine})
 */
public record TrainConfig(
    double learningRate,
    int batchSize,
    int cclEpochs,
    int amtEpochs,
    int serverEpochs,
    int pretrainEpochs,
    double pretrainLearningRate,
    double ktWeight,
    double ktTemperature,
    double labelSmoothing,
    int maxVocab,
    int evalMaxSamples,
    boolean evalBertScore,
    StepEngine stepEngine) implements java.io.Serializable {

  /** With the default step engine ({@link StepEngine#KERNEL}). */
  public TrainConfig(double learningRate, int batchSize, int cclEpochs, int amtEpochs,
      int serverEpochs, int pretrainEpochs, double pretrainLearningRate, double ktWeight,
      double ktTemperature, double labelSmoothing, int maxVocab, int evalMaxSamples,
      boolean evalBertScore) {
    this(learningRate, batchSize, cclEpochs, amtEpochs, serverEpochs, pretrainEpochs,
        pretrainLearningRate, ktWeight, ktTemperature, labelSmoothing, maxVocab, evalMaxSamples,
        evalBertScore, StepEngine.KERNEL);
  }

  /** Without BERTScore in the per-round evaluation. */
  public TrainConfig(double learningRate, int batchSize, int cclEpochs, int amtEpochs,
      int serverEpochs, int pretrainEpochs, double pretrainLearningRate, double ktWeight,
      double ktTemperature, double labelSmoothing, int maxVocab, int evalMaxSamples) {
    this(learningRate, batchSize, cclEpochs, amtEpochs, serverEpochs, pretrainEpochs,
        pretrainLearningRate, ktWeight, ktTemperature, labelSmoothing, maxVocab, evalMaxSamples,
        false);
  }

  public TrainConfig {
    Require.positive("train.learningRate", learningRate);
    Require.positive("train.batchSize", batchSize);
    if (batchSize < 2) {
      throw new IllegalArgumentException("train.batchSize must be >= 2 (contrastive negatives), got "
          + batchSize);
    }
    Require.nonNegative("train.cclEpochs", cclEpochs);
    Require.nonNegative("train.amtEpochs", amtEpochs);
    Require.nonNegative("train.serverEpochs", serverEpochs);
    Require.nonNegative("train.pretrainEpochs", pretrainEpochs);
    Require.positive("train.pretrainLearningRate", pretrainLearningRate);
    Require.nonNegative("train.ktWeight", ktWeight);
    Require.positive("train.ktTemperature", ktTemperature);
    Require.inHalfOpen("train.labelSmoothing", labelSmoothing, 0.0, 1.0);
    Require.positive("train.maxVocab", maxVocab);
    Require.positive("train.evalMaxSamples", evalMaxSamples);
    if (stepEngine == null) {
      throw new IllegalArgumentException("train.stepEngine must be set");
    }
  }

  /** The same settings computed by {@code engine}. */
  public TrainConfig withStepEngine(StepEngine engine) {
    return new TrainConfig(learningRate, batchSize, cclEpochs, amtEpochs, serverEpochs,
        pretrainEpochs, pretrainLearningRate, ktWeight, ktTemperature, labelSmoothing, maxVocab,
        evalMaxSamples, evalBertScore, engine);
  }

  public static TrainConfig defaults() {
    return new TrainConfig(2e-3, 16, 1, 2, 1, 4, 3e-3, 0.5, 2.0, 0.1, 512, 64);
  }
}
