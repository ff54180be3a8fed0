package io.mlecs.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlecs.jobs.testing.StandaloneCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Submits {@code doctor} with spark-submit (client mode) and the shaded jar to a real standalone cluster of two
 * one-core workers, i.e. separate executor JVMs that get ND4J only from the shaded jar, and checks that both
 * executors answered with the same result as the driver. Also checks that the harness kills what it started.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ClusterDoctorIT {

    private StandaloneCluster cluster;
    private Path jar;
    private String cacheDir;
    private final Set<Long> seenPids = new HashSet<>();

    @BeforeAll
    void startCluster() throws Exception {
        jar = Path.of(required("mlecs.shaded.jar")).toAbsolutePath();
        cacheDir = Path.of(required("mlecs.javacpp.cachedir")).toAbsolutePath().toString();
        assertTrue(Files.isRegularFile(jar), "shaded jar missing: " + jar + " (the package phase builds it)");
        long t0 = System.nanoTime();
        cluster = StandaloneCluster.builder()
                .sparkHome(Path.of(required("mlecs.spark.home")))
                .workDir(Path.of(required("mlecs.it.dir")))
                .workers(2)
                .coresPerWorker(1)
                .workerMemory("1536m")
                .start();
        System.out.printf("cluster start %.1f s%n", (System.nanoTime() - t0) / 1e9);
        seenPids.addAll(cluster.pids());
    }

    @AfterAll
    void stopCluster() {
        if (cluster == null) {
            return;
        }
        seenPids.addAll(cluster.pids());
        cluster.close();
        for (long pid : seenPids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "process " + pid + " still alive after close()");
        }
    }

    private List<String> doctorArgs(Path report) {
        return cluster.mlecsSubmitArgs(jar, cacheDir, List.of(
                "doctor", "--partitions", "2", "--expect-executors", "2", "--wait-seconds", "60",
                "--output", report.toString()));
    }

    @Test
    @Order(1)
    void doctorAgreesOnTwoExecutorJvms() throws Exception {
        assertEquals(2, cluster.aliveWorkers());
        Path report = cluster.dir().resolve("doctor.json");
        long t0 = System.nanoTime();
        StandaloneCluster.SubmitResult result = cluster.submit(doctorArgs(report), Map.of(), Duration.ofMinutes(3));
        System.out.printf("doctor submit %.1f s%n", (System.nanoTime() - t0) / 1e9);

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
        seenPids.addAll(pids);
        assertEquals(2, executors.size(), "tasks did not run on two executors: " + tasks);
        assertEquals(2, pids.size(), "tasks did not run in two JVMs: " + tasks);
        assertEquals(1, checksums.size(), "executors disagree: " + tasks);
        assertEquals(doc.path("driver").path("checksum").asText(), checksums.iterator().next());
        assertFalse(pids.contains(doc.path("driver").path("pid").asLong()), "a task ran in the driver JVM");
    }

    @Test
    @Order(2)
    void submissionPastItsTimeoutIsKilled() throws Exception {
        StandaloneCluster.SubmitResult result = cluster.submit(doctorArgs(cluster.dir().resolve("killed.json")),
                Map.of(), Duration.ofSeconds(3));
        seenPids.add(result.pid());
        assertTrue(result.timedOut(), result.diagnostics());
        assertFalse(ProcessHandle.of(result.pid()).map(ProcessHandle::isAlive).orElse(false),
                "timed-out driver still alive");
        assertEquals(2, cluster.aliveWorkers(), "workers must survive a killed application");
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (run through mvn verify)");
        }
        return v;
    }
}
