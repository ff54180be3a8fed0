package io.mlecs.jobs.train;

import io.mlecs.core.data.DeviceData;
import io.mlecs.core.data.FederatedData;
import io.mlecs.core.data.TaskType;
import io.mlecs.core.synth.SyntheticFederatedData;
import io.mlecs.core.synth.SyntheticOptions;
import io.mlecs.jobs.data.DeviceShards;
import io.mlecs.jobs.data.PreparedData;
import io.mlecs.jobs.data.SyntheticShards;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The data of a training run: the public part on the driver and the device shards as an RDD
 * (synthetic data generated on the driver and parallelised by device, or built device by device
 * in the tasks, or a prepared dataset).
 *
 * @param driver public data (and, for synthetic data, every device too)
 * @param devices device shards for the Spark transport
 * @param provenance what the run manifest records about the input
 */
record RunData(FederatedData driver, JavaRDD<DeviceData> devices, Map<String, Object> provenance) {

  static RunData load(TrainSettings s, SparkSession spark) {
    int perTask = s.integer("spark.devices-per-task");
    if (s.prepared()) {
      PreparedData p = PreparedData.load(spark, s.string("data.path"), s.integer("data.devices"),
          perTask, s.integer("data.text-dim"), s.integer("data.caption-tokens"));
      FederatedData driver = s.string("spark.transport").equals("local") ? p.collectAll()
          : p.driverView();
      return new RunData(driver, p.devices(), Map.of("source", "prepared", "path",
          s.string("data.path"), "manifest_sha256", p.manifest().sha256(), "devices",
          p.numDevices()));
    }
    String p = "data.synthetic.";
    SyntheticOptions o = new SyntheticOptions(
        s.string(p + "task").equals("captioning") ? TaskType.CAPTIONING : TaskType.CLASSIFICATION,
        s.integer(p + "devices"), s.integer(p + "private-per-device"),
        s.integer(p + "public-train"), s.integer(p + "public-test"), s.number(p + "mer"),
        s.number(p + "noise"), s.config().getLong("run.seed"));
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Map<String, Object> provenance = Map.of("source", "synthetic", "options", o.toString(),
        "generate_on", s.string(p + "generate-on"));
    if (s.string(p + "generate-on").equals("executors")) {
      FederatedData pub = SyntheticFederatedData.publicPart(o);
      JavaRDD<DeviceData> rdd = SyntheticShards.onExecutors(sc, o, perTask);
      FederatedData driver = s.string("spark.transport").equals("local")
          ? new FederatedData(pub.spec(), pub.publicTrain(), pub.publicTest(), rdd.collect())
          : pub;
      return new RunData(driver, rdd, provenance);
    }
    FederatedData data = SyntheticFederatedData.generate(o);
    List<DeviceData> devices = data.devices();
    int slices = DeviceShards.partitionCount(devices.size(), perTask);
    return new RunData(data, sc.parallelize(devices, slices).cache(), provenance);
  }
}
