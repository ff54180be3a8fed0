package io.mlecs.jobs.data;

import io.mlecs.core.data.DatasetSpec;
import io.mlecs.core.data.DeviceData;
import io.mlecs.core.data.FeatureScaler;
import io.mlecs.core.data.FederatedData;
import io.mlecs.core.data.Sample;
import io.mlecs.jobs.io.HadoopFileSink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * A prepared dataset (Parquet + manifest) as training reads it, every vector modality
 * standardised with statistics of the public training rows ({@link FeatureScaler}): the public rows on the driver
 * (the server owns D'), and the private rows as an RDD of device shards built by grouping on
 * {@code device_id} (never on a partition index), partitioned by device id over
 * ceil(N / devicesPerTask) partitions, sorted by sample id inside each device, and cached.
 *
 * @param manifest the dataset's manifest
 * @param publicTrain public training rows, by sample id
 * @param publicTest public test rows, by sample id
 * @param devices device shards (the first {@code numDevices} devices)
 * @param numDevices N used by this run
 */
public record PreparedData(PreparedManifest manifest, List<Sample> publicTrain,
    List<Sample> publicTest, JavaRDD<DeviceData> devices, int numDevices) {

  public static PreparedData load(SparkSession spark, String path, int devicesWanted,
      int devicesPerTask, int textDim, int captionTokens) {
    HadoopFileSink dir = new HadoopFileSink(path);
    PreparedManifest manifest = PreparedManifest.read(dir, textDim, captionTokens);
    int n = devicesWanted <= 0 ? manifest.numDevices() : devicesWanted;
    if (n > manifest.numDevices()) {
      throw new IllegalArgumentException("data.devices = " + n + " but the prepared dataset at "
          + path + " has only " + manifest.numDevices() + " devices");
    }
    DatasetSpec spec = manifest.spec();
    List<String> textMods = textModalities(dir, spec);
    RowConverter conv = new RowConverter(spec, textMods, textDim);
    Dataset<Row> rows = spark.read().parquet(dir.describe("data"));
    List<Sample> rawTrain = collect(rows.filter("role = 'public' AND split = 'train'"), conv);
    FeatureScaler scaler = FeatureScaler.fit(spec, rawTrain);
    List<Sample> pubTrain = scaler.apply(rawTrain);
    List<Sample> pubTest = scaler.apply(collect(rows.filter(
        "role = 'public' AND split = 'test'"), conv));
    int[] masks = manifest.deviceMasks();
    int partitions = DeviceShards.partitionCount(n, devicesPerTask);
    JavaRDD<DeviceData> devices = rows.filter("role = 'private' AND device_id < " + n)
        .javaRDD()
        .mapToPair(r -> new Tuple2<>((Integer) r.getAs("device_id"),
            new Tuple2<>((String) r.getAs("split"), conv.convert(r))))
        .groupByKey(new HashPartitioner(partitions))
        .map(g -> {
          List<Sample> train = new ArrayList<>();
          List<Sample> test = new ArrayList<>();
          for (Tuple2<String, Sample> t : g._2()) {
            (t._1().equals("test") ? test : train).add(t._2());
          }
          train.sort(Comparator.comparing(Sample::id));
          test.sort(Comparator.comparing(Sample::id));
          return scaler.apply(new DeviceData(g._1(), masks[g._1()], train, test));
        })
        .cache();
    return new PreparedData(manifest, pubTrain, pubTest, devices, n);
  }

  /** Everything on the driver, devices in id order (the in-process transport). */
  public FederatedData collectAll() {
    List<DeviceData> all = new ArrayList<>(devices.collect());
    all.sort(Comparator.comparingInt(DeviceData::deviceId));
    return new FederatedData(manifest.spec(), publicTrain, publicTest, all);
  }

  /** The same data with only the public part materialised (devices stay in the RDD). */
  public FederatedData driverView() {
    return new FederatedData(manifest.spec(), publicTrain, publicTest, List.of());
  }

  private static List<Sample> collect(Dataset<Row> rows, RowConverter conv) {
    List<Sample> out = new ArrayList<>(rows.javaRDD().map(conv::convert).collect());
    out.sort(Comparator.comparing(Sample::id));
    return out;
  }

  private static List<String> textModalities(HadoopFileSink dir, DatasetSpec spec) {
    try {
      var m = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
          dir.read("_manifest.json").orElseThrow());
      List<String> out = new ArrayList<>();
      for (var mod : m.get("modalities")) {
        if ("text".equals(mod.path("kind").asText())) {
          out.add(mod.get("name").asText());
        }
      }
      return out;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
