package io.mlecs.jobs.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.resource.ResourceProfile;
import org.junit.jupiter.api.Test;

/** The GPU server stage's resource profile is built as documented; local mode is refused. */
class GpuServerStageTest {
  @Test
  void profileAsksForOneGpuForTheExecutorAndTheTask() {
    ResourceProfile p = GpuServerStage.profile(1.0);
    assertEquals(1L, p.executorResourcesJMap().get("gpu").amount());
    assertEquals("nvidia.com", p.executorResourcesJMap().get("gpu").vendor());
    assertEquals(1.0, p.taskResourcesJMap().get("gpu").amount(), 0.0);
    assertEquals(1.0, p.taskResourcesJMap().get("cpus").amount(), 0.0);
    ResourceProfile half = GpuServerStage.profile(0.5);
    assertEquals(1L, half.executorResourcesJMap().get("gpu").amount());
    assertEquals(0.5, half.taskResourcesJMap().get("gpu").amount(), 0.0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GpuServerStage.profile(0));
    assertEquals("server.gpu-amount must be > 0, got 0.0", e.getMessage());
  }

  @Test
  void localModeIsRefusedWithTheReason() {
    try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster("local[1]")
        .setAppName("gpu-stage").set("spark.ui.enabled", "false"))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new GpuServerStage(sc, null, List.of(), 1.0));
      assertTrue(e.getMessage().contains("gpu-stage needs a cluster manager")
          && e.getMessage().contains("local[1]"), e.getMessage());
    }
  }
}
