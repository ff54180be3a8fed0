package io.mlecs.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlecs.jobs.testing.StandaloneCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Submits {@code doctor} with spark-submit (client mode) and the shaded jar to a real standalone cluster of two
 * one-core workers, i.e. separate executor JVMs that get ND4J only from the shaded jar, and checks that both
 * executors answered with the same result as the driver.
 */
class ClusterDoctorIT {

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void doctorAgreesOnTwoExecutorJvms() throws Exception {
        Path jar = Path.of(required("mlecs.shaded.jar"));
        Path sparkHome = Path.of(required("mlecs.spark.home"));
        Path itDir = Path.of(required("mlecs.it.dir"));
        String cacheDir = Path.of(required("mlecs.javacpp.cachedir")).toAbsolutePath().toString();
        assertTrue(Files.isRegularFile(jar), "shaded jar missing: " + jar + " (the package phase builds it)");

        long t0 = System.nanoTime();
        try (StandaloneCluster cluster = StandaloneCluster.builder()
                .sparkHome(sparkHome)
                .workDir(itDir)
                .workers(2)
                .coresPerWorker(1)
                .workerMemory("1536m")
                .start()) {
            long started = System.nanoTime();
            assertEquals(2, cluster.aliveWorkers());
            Path report = cluster.dir().resolve("doctor.json");

            List<String> args = new ArrayList<>(cluster.baseSubmitArgs());
            args.addAll(List.of(
                    "--class", "io.mlecs.jobs.Main",
                    "--driver-memory", "1g",
                    "--driver-java-options", "-Dorg.bytedeco.javacpp.cachedir=" + cacheDir,
                    "--executor-memory", "1g",
                    "--conf", "spark.executor.extraJavaOptions=-Dorg.bytedeco.javacpp.cachedir=" + cacheDir,
                    "--conf", "spark.executorEnv.OMP_NUM_THREADS=1",
                    "--conf", "spark.executorEnv.OPENBLAS_NUM_THREADS=1",
                    jar.toAbsolutePath().toString(),
                    "doctor", "--partitions", "2", "--expect-executors", "2", "--wait-seconds", "60",
                    "--output", report.toString()));
            StandaloneCluster.SubmitResult result = cluster.submit(args, Map.of(), Duration.ofMinutes(3));
            long submitted = System.nanoTime();
            System.out.printf("cluster start %.1f s, doctor submit %.1f s%n",
                    (started - t0) / 1e9, (submitted - started) / 1e9);

            assertFalse(result.timedOut(), result.diagnostics());
            assertEquals(0, result.exitCode(), result.diagnostics());
            assertTrue(Files.isRegularFile(report), "no report written\n" + result.diagnostics());

            JsonNode doc = new ObjectMapper().readTree(report.toFile());
            assertTrue(doc.path("ok").asBoolean(), doc.toPrettyString());
            assertEquals(cluster.masterUrl(), doc.path("spark").path("master").asText());
            assertEquals("CPU", doc.path("nd4j").path("backend").asText());

            JsonNode tasks = doc.path("tasks");
            assertEquals(2, tasks.size(), doc.toPrettyString());
            Set<String> executors = new HashSet<>();
            Set<String> checksums = new HashSet<>();
            Set<Long> pids = new HashSet<>();
            for (JsonNode t : tasks) {
                String executor = t.path("executorId").asText();
                assertNotEquals("driver", executor, "a task ran in the driver: " + t);
                executors.add(executor);
                checksums.add(t.path("checksum").asText());
                pids.add(t.path("pid").asLong());
                assertEquals("CPU", t.path("backend").asText());
                assertEquals("1", t.path("OMP_NUM_THREADS").asText(), "executorEnv not applied: " + t);
                assertEquals(cacheDir, t.path("javacppCacheDir").asText(), "executor javacpp cachedir: " + t);
            }
            assertEquals(2, executors.size(), "tasks did not run on two executors: " + tasks);
            assertEquals(2, pids.size(), "tasks did not run in two JVMs: " + tasks);
            assertEquals(1, checksums.size(), "executors disagree: " + tasks);
            assertEquals(doc.path("driver").path("checksum").asText(), checksums.iterator().next());
            assertFalse(pids.contains(doc.path("driver").path("pid").asLong()), "a task ran in the driver JVM");
        }
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (run through mvn verify)");
        }
        return v;
    }
}
