package io.mlecs.core.engine;

import io.mlecs.core.train.DeviceState;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Device states kept in memory, latest round only (in-process runs and tests). */
public final class InMemoryDeviceStateStore implements DeviceStateStore {
  private final Map<Integer, Map.Entry<Integer, DeviceState>> states = new ConcurrentHashMap<>();

  @Override
  public Optional<DeviceState> load(int device, int round) {
    Map.Entry<Integer, DeviceState> e = states.get(device);
    return e != null && e.getKey() == round ? Optional.of(e.getValue().copy()) : Optional.empty();
  }

  @Override
  public void save(int device, int round, DeviceState state) {
    states.put(device, Map.entry(round, state.copy()));
  }
}
