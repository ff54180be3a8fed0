package io.mlecs.core.engine;

import io.mlecs.core.io.FileSink;
import io.mlecs.core.io.TensorCodec;
import io.mlecs.core.train.DeviceState;
import java.util.Locale;
import java.util.Optional;

/**
 * Device states persisted per device and round ({@code state/round-NNNN/device-NNNNNN.params} and
 * {@code .optimizer}) through a {@link FileSink}, written atomically, so a retried task reproduces
 * the same update and a resumed run finds every device where it was. Rounds older than
 * {@code keepRounds} are pruned by {@link #prune}.
 */
public final class SinkDeviceStateStore implements DeviceStateStore {
  private final FileSink sink;

  public SinkDeviceStateStore(FileSink sink) {
    this.sink = sink;
  }

  static String base(int device, int round) {
    return String.format(Locale.ROOT, "state/round-%04d/device-%06d", round, device);
  }

  @Override
  public Optional<DeviceState> load(int device, int round) {
    String b = base(device, round);
    Optional<byte[]> p = sink.read(b + ".params");
    Optional<byte[]> o = sink.read(b + ".optimizer");
    if (p.isEmpty() || o.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DeviceState(TensorCodec.decode(p.get(), sink.describe(b + ".params")),
        TensorCodec.decode(o.get(), sink.describe(b + ".optimizer"))));
  }

  @Override
  public void save(int device, int round, DeviceState state) {
    String b = base(device, round);
    sink.write(b + ".optimizer", TensorCodec.encode(state.optimizer()));
    sink.write(b + ".params", TensorCodec.encode(state.params()));
  }

  /** Deletes the states of rounds up to {@code round} (inclusive). */
  public void prune(int round) {
    for (int r = 1; r <= round; r++) {
      sink.delete(String.format(Locale.ROOT, "state/round-%04d", r));
    }
  }
}
