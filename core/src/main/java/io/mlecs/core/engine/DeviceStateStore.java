package io.mlecs.core.engine;

import io.mlecs.core.train.DeviceState;
import java.util.Optional;

/** Where devices keep their state between rounds (never on the server). */
public interface DeviceStateStore {
  /** The state device {@code device} saved after {@code round}, if any. */
  Optional<DeviceState> load(int device, int round);

  void save(int device, int round, DeviceState state);
}
