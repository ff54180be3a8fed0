package io.mlecs.prep.partition;

import java.util.List;

/**
 * The partition of a list of inputs.
 *
 * @param assignments one per input, in input order
 * @param devices one per device, by id
 */
public record PartitionResult(List<Assignment> assignments, List<DeviceSummary> devices) {
  public PartitionResult {
    assignments = List.copyOf(assignments);
    devices = List.copyOf(devices);
  }
}
