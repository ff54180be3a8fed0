package io.mlecs.jobs.data;

import io.mlecs.core.data.DeviceData;
import io.mlecs.core.synth.SyntheticFederatedData;
import io.mlecs.core.synth.SyntheticOptions;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Generated device shards built in the Spark tasks, each device on its own random stream
 * ({@link SyntheticFederatedData#deviceOwnStream}): the driver ships only the device ids, so what
 * it holds does not grow with the devices' data.
 */
public final class SyntheticShards {
  private SyntheticShards() {}

  /** Devices 0..N-1, {@code perTask} to a partition, in id order, cached. */
  public static JavaRDD<DeviceData> onExecutors(JavaSparkContext sc, SyntheticOptions o,
      int perTask) {
    int n = o.numDevices();
    return sc.parallelize(IntStream.range(0, n).boxed().toList(),
        DeviceShards.partitionCount(n, perTask))
        .map(d -> SyntheticFederatedData.deviceOwnStream(o, d))
        .cache();
  }
}
