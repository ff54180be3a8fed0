package io.mlecs.core.engine;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluation telemetry of one device in one round (simulation bookkeeping, not part of the
 * protocol: a real device would not report it).
 *
 * @param deviceId device id
 * @param round round number (1-based)
 * @param values metric name to value (e.g. ccl_loss, amt_loss, test_loss, f1_macro, rougeLsum)
 * @param bytesDown bytes the device received this round, by payload
 * @param bytesUp bytes the device sent this round, by payload
 */
public record DeviceMetrics(int deviceId, int round, Map<String, Double> values,
    Map<String, Long> bytesDown, Map<String, Long> bytesUp) implements Serializable {
  public DeviceMetrics {
    values = new TreeMap<>(values);
    bytesDown = new TreeMap<>(bytesDown);
    bytesUp = new TreeMap<>(bytesUp);
  }
}
