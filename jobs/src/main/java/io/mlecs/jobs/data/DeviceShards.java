package io.mlecs.jobs.data;

/** How device shards are laid out over Spark partitions. */
public final class DeviceShards {
  private DeviceShards() {}

  /** ceil(devices / devicesPerTask), at least 1: the partitions of an RDD of device shards. */
  public static int partitionCount(int devices, int devicesPerTask) {
    return Math.max(1, (devices + devicesPerTask - 1) / devicesPerTask);
  }
}
