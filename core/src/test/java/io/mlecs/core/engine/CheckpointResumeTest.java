package io.mlecs.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlecs.core.data.FederatedData;
import io.mlecs.core.io.LocalFileSink;
import io.mlecs.core.io.TensorCodec;
import io.mlecs.core.run.RunCheckpoint;
import io.mlecs.core.testing.TinyRuns;
import io.mlecs.core.train.ModelContext;
import io.mlecs.core.train.ModelContexts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run restored from its round-2 checkpoint files (server state, global LoRA, persisted device
 * states) finishes round 3 with exactly the adapters of the uninterrupted run. This caught a
 * parameter that SameDiff silently copied (a view), so the optimiser updated an array the graph
 * never read.
 */
class CheckpointResumeTest {
  @Test
  void resumedRunEqualsUninterruptedRun(@TempDir Path dir) {
    FederatedData data = TinyRuns.threeDevices(5);
    ModelContext ctx = ModelContexts.create(TinyRuns.config(42, 3, "ml-ecs"), data);
    TaskScorer scorer = TaskScorers.forDataset(data.spec());
    LocalFileSink sink = new LocalFileSink(dir);
    RunCheckpoint checkpoints = new RunCheckpoint(sink);
    LocalTransport transport = new LocalTransport(data, new DeviceTrainer(ctx, Method.ML_ECS,
        scorer), Method.ML_ECS, new SinkDeviceStateStore(sink));
    RoundEngine full = new RoundEngine(ctx, Method.ML_ECS, data, scorer);
    full.run(transport, r -> checkpoints.save(r.round(), full.serverState(),
        full.globalLora()));

    sink.write("checkpoint/LATEST", "2".getBytes(StandardCharsets.UTF_8));
    RunCheckpoint.Restored restored = new RunCheckpoint(sink).latest().orElseThrow();
    assertEquals(2, restored.round());
    RoundEngine resumed = new RoundEngine(ctx, Method.ML_ECS, data, scorer);
    resumed.restore(restored.server(), restored.globalLora(), restored.round());
    resumed.run(transport, r -> assertEquals(3, r.round()));
    for (String n : full.globalLora().names()) {
      assertArrayEquals(full.globalLora().get(n).dup('c').data().asFloat(),
          resumed.globalLora().get(n).dup('c').data().asFloat(), n);
    }
  }

  @Test
  void corruptCheckpointNamesTheFile(@TempDir Path dir) throws Exception {
    LocalFileSink sink = new LocalFileSink(dir);
    sink.write("checkpoint/LATEST", "x1".getBytes(StandardCharsets.UTF_8));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new RunCheckpoint(sink).latest());
    assertTrue(e.getMessage().contains("LATEST") && e.getMessage().contains("'x1'"),
        e.getMessage());
    sink.write("checkpoint/LATEST", "1".getBytes(StandardCharsets.UTF_8));
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> new RunCheckpoint(sink).latest());
    assertTrue(missing.getMessage().contains("llm.tensors"), missing.getMessage());
    Path f = dir.resolve("checkpoint/round-0001/llm.tensors");
    Files.createDirectories(f.getParent());
    Files.write(f, new byte[] {1, 2, 3});
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> TensorCodec.decode(Files.readAllBytes(f), f.toString()));
    assertTrue(bad.getMessage().contains("llm.tensors") && bad.getMessage().contains("too short"),
        bad.getMessage());
  }
}
