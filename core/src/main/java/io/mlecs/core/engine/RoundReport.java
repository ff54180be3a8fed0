package io.mlecs.core.engine;

import java.util.List;
import java.util.Map;

/**
 * Everything measured in one round.
 *
 * @param round round number (1-based)
 * @param seconds wall time of the round
 * @param devices per-device telemetry
 * @param server server metrics (LLM/SLM losses, server test loss and metric)
 * @param bytesDown total bytes sent to devices, by payload
 * @param bytesUp total bytes sent by devices, by payload
 */
public record RoundReport(int round, double seconds, List<DeviceMetrics> devices,
    Map<String, Double> server, Map<String, Long> bytesDown, Map<String, Long> bytesUp) {

  /** Mean over devices of a metric (NaN if no device reports it). */
  public double deviceMean(String metric) {
    return devices.stream().map(d -> d.values().get(metric)).filter(v -> v != null && !v.isNaN())
        .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
