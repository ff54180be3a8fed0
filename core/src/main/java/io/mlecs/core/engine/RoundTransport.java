package io.mlecs.core.engine;

import io.mlecs.core.aggregate.FixedPointAccumulator;
import java.util.List;

/**
 * How the round engine reaches devices (Flower's Grid): send the broadcast, let every device run
 * its round, bring back the pre-aggregated updates and the evaluation telemetry.
 * {@code LocalTransport} loops in-process; the Spark transport runs devices in partitions and
 * combines partial accumulators with treeAggregate.
 */
public interface RoundTransport extends AutoCloseable {

  /** What comes back from a round. */
  record RoundReturn(FixedPointAccumulator aggregate, List<DeviceMetrics> metrics) {}

  /**
   * Runs one round on every device. Device d's update is added to the accumulator by
   * {@link DeviceRoundRunner#accumulate} (weight {@code method.aggregation().weight(|M_d|, n_d)},
   * per-tensor and, for heterogeneous LoRA ranks, per-rank-slot weight sums).
   */
  RoundReturn runRound(RoundBroadcast broadcast);

  @Override
  default void close() {}
}
