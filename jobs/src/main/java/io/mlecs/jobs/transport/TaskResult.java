package io.mlecs.jobs.transport;

import io.mlecs.core.aggregate.FixedPointAccumulator;
import io.mlecs.core.engine.DeviceMetrics;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A task's pre-aggregated updates and its devices' telemetry; merged by treeAggregate. */
final class TaskResult implements Serializable {
  private static final long serialVersionUID = 1L;
  final FixedPointAccumulator aggregate;
  final ArrayList<DeviceMetrics> metrics;

  TaskResult(FixedPointAccumulator aggregate, List<DeviceMetrics> metrics) {
    this.aggregate = aggregate;
    this.metrics = new ArrayList<>(metrics);
  }

  static TaskResult empty() {
    return new TaskResult(new FixedPointAccumulator(), List.of());
  }

  TaskResult merge(TaskResult other) {
    aggregate.merge(other.aggregate);
    metrics.addAll(other.metrics);
    return this;
  }
}
