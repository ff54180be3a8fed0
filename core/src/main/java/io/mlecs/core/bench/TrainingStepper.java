package io.mlecs.core.bench;

import io.mlecs.core.config.ModelConfig;
import io.mlecs.core.model.Objective;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.train.AdamOptimizer;
import java.util.SplittableRandom;

/**
 * One production training step of the default device model per {@link #run()} call (the same
 * setup as {@link BenchMain}'s training section). A plain {@link Runnable} so that a harness can
 * load two builds of this project in two class loaders and alternate their steps in one thread
 * ({@code bench/AbCompare.java}).
 */
public final class TrainingStepper implements Runnable {
  private final DeviceTrainingBench.Setup setup;
  private final AdamOptimizer adam = new AdamOptimizer(new ParamStore());
  private final SplittableRandom random;
  private int step;

  /**
   * @param stage "amt" (objective LM) or "ccl" (objective CCL_DEVICE)
   * @param batch minibatch size
   * @param seed seed of data, parameters and dropout
   */
  public TrainingStepper(String stage, int batch, long seed) {
    Objective o = switch (stage) {
      case "amt" -> Objective.LM;
      case "ccl" -> Objective.CCL_DEVICE;
      default -> throw new IllegalArgumentException("stage must be amt or ccl, got " + stage);
    };
    this.setup = DeviceTrainingBench.setup(ModelConfig.deviceDefault(), o, batch, 8, seed);
    this.random = new SplittableRandom(seed + 1);
  }

  @Override
  public void run() {
    setup.trainer().step(setup.all(), adam, setup.batches().get(step % setup.batches().size()),
        setup.trainable(), setup.lr(), random.nextLong(), setup.extras());
    step++;
  }
}
