package io.mlecs.jobs.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.core.io.TensorCodec;
import io.mlecs.core.model.ParamStore;
import io.mlecs.jobs.testing.StandaloneCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The three-way equivalence: {@code mlecs train} submitted with spark-submit to a real standalone
 * cluster (a master and two one-core workers, executors in their own JVMs, ND4J from the shaded
 * jar) ends with bit-identical adapters to the in-process transport run in this JVM, and to
 * Spark local mode.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ClusterTrainIT {

  private static String required(String key) {
    String v = System.getProperty(key);
    if (v == null) {
      throw new IllegalStateException("system property " + key + " is not set (run via failsafe)");
    }
    return v;
  }

  private static ParamStore lora(Path run) throws Exception {
    Path f = run.resolve("final/global-lora.tensors");
    assertTrue(Files.isRegularFile(f), "no adapters at " + f);
    return TensorCodec.decode(Files.readAllBytes(f), f.toString());
  }

  @Test
  void clusterLocalModeAndInProcessGiveIdenticalAdapters() throws Exception {
    Path jar = Path.of(required("mlecs.shaded.jar")).toAbsolutePath();
    String cacheDir = Path.of(required("mlecs.javacpp.cachedir")).toAbsolutePath().toString();
    Path work = Path.of(required("mlecs.it.dir")).toAbsolutePath().resolve("train-it");
    try (StandaloneCluster cluster = StandaloneCluster.builder()
        .sparkHome(Path.of(required("mlecs.spark.home")))
        .workDir(work)
        .workers(2)
        .coresPerWorker(1)
        .workerMemory("1536m")
        .start()) {
      Path clusterRun = cluster.dir().resolve("run-cluster");
      Path conf = cluster.dir().resolve("train.conf");
      Files.writeString(conf, TinyTrainConfigs.synthetic(clusterRun.toString(), "spark", 2));
      List<String> args = cluster.mlecsSubmitArgs(jar, cacheDir,
          List.of("train", "--config", conf.toString()));
      StandaloneCluster.SubmitResult result = cluster.submit(args, Map.of("OMP_NUM_THREADS", "1",
          "OPENBLAS_NUM_THREADS", "1"), Duration.ofMinutes(4));
      assertFalse(result.timedOut(), result.diagnostics());
      assertEquals(0, result.exitCode(), result.diagnostics());
      assertTrue(result.stdout().contains("f1_macro_avg"), result.diagnostics());

      Path inProcess = cluster.dir().resolve("run-in-process");
      Path localMode = cluster.dir().resolve("run-local2");
      SparkSession spark = SparkSession.builder().master("local[2]").appName("cluster-it")
          .config("spark.ui.enabled", "false").getOrCreate();
      try {
        TrainRun.execute(TrainSettings.parse(TinyTrainConfigs.synthetic(inProcess.toString(),
            "local", 2), "in-process"), spark, System.out, false);
        TrainRun.execute(TrainSettings.parse(TinyTrainConfigs.synthetic(localMode.toString(),
            "spark", 2), "local[2]"), spark, System.out, false);
      } finally {
        spark.stop();
      }
      ParamStore expected = lora(inProcess);
      for (Path other : List.of(clusterRun, localMode)) {
        ParamStore actual = lora(other);
        assertEquals(expected.names(), actual.names());
        for (String n : expected.names()) {
          assertArrayEquals(expected.get(n).dup('c').data().asFloat(),
              actual.get(n).dup('c').data().asFloat(), other.getFileName() + " " + n);
        }
      }
    }
  }
}
