package io.mlecs.core.testing;

import io.mlecs.core.config.ModelConfig;
import io.mlecs.core.config.RunConfig;
import io.mlecs.core.config.TrainConfig;
import io.mlecs.core.data.DeviceData;
import io.mlecs.core.data.FederatedData;
import io.mlecs.core.data.Sample;
import io.mlecs.core.data.TaskType;
import io.mlecs.core.synth.SyntheticFederatedData;
import io.mlecs.core.synth.SyntheticOptions;
import java.util.ArrayList;
import java.util.List;

/** Small but real runs for engine tests. */
public final class TinyRuns {
  private TinyRuns() {}

  public static RunConfig config(long seed, int rounds, String method) {
    ModelConfig device = new ModelConfig(32, 2, 1, 2, 16, 16, 2, 16, 4, 8.0, 0.05);
    ModelConfig server = new ModelConfig(48, 2, 2, 2, 16, 16, 2, 24, 4, 8.0, 0.05);
    TrainConfig train = new TrainConfig(1e-2, 8, 1, 3, 1, 2, 5e-3, 0.5, 2.0, 0.1, 64, 16);
    return new RunConfig(seed, rounds, method, device, server, train);
  }

  /**
   * Three devices owning {rgb}, {rgb, depth} and {rgb, depth, acce}. Feature noise 0.5: each
   * modality alone carries enough signal that a one-modality device learns within three tiny
   * rounds, so "test loss falls" measures learning rather than noise on 4 test samples.
   */
  public static FederatedData threeDevices(long seed) {
    FederatedData full = SyntheticFederatedData.generate(new SyntheticOptions(
        TaskType.CLASSIFICATION, 3, 80, 40, 12, 1.0, 1.0, seed));
    int[] masks = {0b001, 0b011, 0b111};
    List<DeviceData> devices = new ArrayList<>();
    for (DeviceData d : full.devices()) {
      int m = masks[d.deviceId()];
      devices.add(new DeviceData(d.deviceId(), m, restrict(d.train(), m), restrict(d.test(), m)));
    }
    return new FederatedData(full.spec(), full.publicTrain(), full.publicTest(), devices);
  }

  static List<Sample> restrict(List<Sample> s, int mask) {
    return s.stream().map(x -> x.restrictTo(mask)).toList();
  }
}
