package io.mlecs.jobs.doctor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlecs.jobs.Main;
import io.mlecs.jobs.cli.Args;
import io.mlecs.jobs.cli.Command;
import io.mlecs.jobs.cli.CommandContext;
import io.mlecs.jobs.cli.UsageException;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * {@code mlecs doctor}: prints a JSON report of the driver's Java, Spark and ND4J set-up, then runs the same tiny
 * SameDiff computation ({@link Nd4jProbe}) in Spark tasks, one per partition, and reports each task's executor,
 * backend and result checksum. Exit code 1 when tasks (or driver and tasks) disagree, a task reports another
 * backend, or fewer distinct executors answered than {@code --expect-executors}.
 */
public final class DoctorCommand implements Command {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Relative tolerance between signatures of different JVMs (float math, possibly other CPU kernels). */
    static final double TOLERANCE = 1e-5;

    @Override
    public String name() {
        return "doctor";
    }

    @Override
    public String summary() {
        return "check Java, Spark and ND4J on the driver and inside Spark tasks; prints JSON";
    }

    @Override
    public String usage() {
        return """
                Usage: mlecs [global options] doctor [options]

                Prints a JSON report: Java, Spark and ND4J versions, the ND4J backend, its threads and the javacpp
                cache folder on the driver; then runs a tiny SameDiff MLP (forward + gradients, fixed seed) on the
                driver and in one Spark task per partition and compares the results.

                Options:
                  --partitions N         tasks to run (default 2)
                  --seed S               seed of the probe's inputs and weights (default 42)
                  --expect-executors N   wait until N executors are registered (cluster masters only) and require
                                         that N distinct executors answered (default 0: no requirement)
                  --wait-seconds S       how long to wait for those executors (default 120)
                  --output FILE          also write the JSON report to FILE
                Exit code 0 when all agree, 1 otherwise.
                """;
    }

    @Override
    public int run(String[] argv, CommandContext ctx) throws Exception {
        Args args = Args.parse(argv,
                Set.of("--partitions", "--seed", "--expect-executors", "--wait-seconds", "--output"), Set.of());
        if (!args.positionals().isEmpty()) {
            throw new UsageException("unexpected argument " + args.positionals().get(0));
        }
        int partitions = args.intValue("--partitions", 2);
        long seed = args.longValue("--seed", 42L);
        int expectExecutors = args.intValue("--expect-executors", 0);
        int waitSeconds = args.intValue("--wait-seconds", 120);
        if (partitions < 1) {
            throw new UsageException("--partitions must be at least 1");
        }
        if (expectExecutors > partitions) {
            throw new UsageException("--expect-executors (" + expectExecutors + ") exceeds --partitions (" + partitions + ")");
        }

        List<String> problems = new ArrayList<>();
        ObjectNode report = JSON.createObjectNode();
        report.put("ok", false);
        report.put("mlecs", Main.version());
        ObjectNode java = report.putObject("java");
        java.put("version", System.getProperty("java.version"));
        java.put("vendor", System.getProperty("java.vendor"));
        java.put("vm", System.getProperty("java.vm.name"));

        // Driver first: versions, backend, and the reference result.
        ObjectNode driverEnv = Nd4jProbe.environment();
        Nd4jProbe.Result driverResult = Nd4jProbe.run(seed);
        ObjectNode nd4j = report.putObject("nd4j");
        nd4j.put("version", driverEnv.path("nd4jVersion").asText());
        nd4j.put("backend", driverEnv.path("backend").asText());
        nd4j.put("backendClass", driverEnv.path("backendClass").asText());
        nd4j.put("blasVendor", driverEnv.path("blasVendor").asText());
        nd4j.put("threads", driverEnv.path("threads").asInt());
        nd4j.put("javacppCacheDir", driverEnv.path("javacppCacheDir").asText(null));

        SparkSession spark = ctx.spark();
        SparkContext sc = spark.sparkContext();
        ObjectNode sparkNode = report.putObject("spark");
        sparkNode.put("version", spark.version());
        sparkNode.put("master", sc.master());
        sparkNode.put("deployMode", sc.deployMode());
        sparkNode.put("appId", sc.applicationId());
        sparkNode.put("defaultParallelism", sc.defaultParallelism());

        boolean local = CommandContext.isLocal(sc.master());
        if (expectExecutors > 0 && !local) {
            int seen = waitForExecutors(sc, expectExecutors, waitSeconds * 1000L);
            if (seen < expectExecutors) {
                problems.add("only " + seen + " of " + expectExecutors + " expected executors registered within "
                        + waitSeconds + " s");
            }
        }
        sparkNode.put("executors", executorCount(sc));

        ObjectNode driver = report.putObject("driver");
        driver.put("executorId", SparkEnv.get().executorId());
        driver.setAll(driverEnv);
        driver.setAll(driverResult.toJson());

        List<Integer> ids = IntStream.range(0, partitions).boxed().toList();
        final long taskSeed = seed;
        List<String> taskJson = JavaSparkContext.fromSparkContext(sc)
                .parallelize(ids, partitions)
                .mapPartitionsWithIndex((index, it) -> probeTask(index, taskSeed), false)
                .collect();

        ArrayNode tasks = report.putArray("tasks");
        Set<String> executorIds = new LinkedHashSet<>();
        Set<String> checksums = new LinkedHashSet<>();
        double[] reference = driverResult.signature();
        for (String s : taskJson) {
            JsonNode t = JSON.readTree(s);
            tasks.add(t);
            executorIds.add(t.path("executorId").asText());
            checksums.add(t.path("checksum").asText());
            if (!driverEnv.path("backend").asText().equals(t.path("backend").asText())) {
                problems.add("task " + t.path("partition").asInt() + " on executor " + t.path("executorId").asText()
                        + " ran backend " + t.path("backend").asText() + ", the driver " + driverEnv.path("backend").asText());
            }
            double[] sig = signature(t);
            if (!Nd4jProbe.agree(reference, sig, TOLERANCE)) {
                problems.add("task " + t.path("partition").asInt() + " on executor " + t.path("executorId").asText()
                        + " computed " + t.path("signature") + ", the driver " + driver.path("signature"));
            }
        }
        if (taskJson.size() != partitions) {
            problems.add(taskJson.size() + " task results for " + partitions + " partitions");
        }
        if (expectExecutors > 0 && !local && executorIds.size() < expectExecutors) {
            problems.add("tasks ran on " + executorIds.size() + " distinct executors " + executorIds + ", expected "
                    + expectExecutors);
        }

        ObjectNode summary = report.putObject("summary");
        summary.put("tasks", taskJson.size());
        summary.put("distinctExecutors", executorIds.size());
        executorIds.forEach(summary.putArray("executorIds")::add);
        checksums.forEach(summary.putArray("checksums")::add);
        summary.put("driverChecksum", driverResult.checksum());
        summary.put("agree", problems.stream().noneMatch(p -> p.contains(" computed ")));
        ArrayNode problemNode = report.putArray("problems");
        problems.forEach(problemNode::add);
        report.put("ok", problems.isEmpty());

        String text = JSON.writeValueAsString(report);
        ctx.out().println(text);
        ctx.out().flush();
        if (args.value("--output").isPresent()) {
            Path out = Path.of(args.value("--output").get());
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, text + "\n", StandardCharsets.UTF_8);
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> ctx.err().println("doctor: " + p));
            return Main.FAILED;
        }
        ctx.err().println("doctor: ok (" + taskJson.size() + " tasks on " + executorIds.size()
                + " executor(s), checksum " + driverResult.checksum() + ")");
        return Main.OK;
    }

    /** Runs inside a Spark task: where it runs, the ND4J set-up there, and the probe's result, as one JSON text. */
    static Iterator<String> probeTask(int partition, long seed) throws JsonProcessingException {
        ObjectNode node = JSON.createObjectNode();
        node.put("partition", partition);
        SparkEnv env = SparkEnv.get();
        node.put("executorId", env == null ? "?" : env.executorId());
        node.put("host", env == null ? "?" : env.blockManager().blockManagerId().host());
        TaskContext tc = TaskContext.get();
        if (tc != null) {
            node.put("taskAttemptId", tc.taskAttemptId());
            node.put("stageId", tc.stageId());
        }
        node.put("thread", Thread.currentThread().getName());
        node.setAll(Nd4jProbe.environment());
        node.setAll(Nd4jProbe.run(seed).toJson());
        return List.of(new ObjectMapper().writeValueAsString(node)).iterator();
    }

    private static double[] signature(JsonNode task) {
        JsonNode sig = task.path("signature");
        double[] out = new double[sig.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = sig.get(i).asDouble();
        }
        return out;
    }

    /** Executors registered now, the driver not counted (local mode: 1, the driver itself runs tasks). */
    static int executorCount(SparkContext sc) {
        int n = sc.statusTracker().getExecutorInfos().length;
        return CommandContext.isLocal(sc.master()) ? n : Math.max(0, n - 1);
    }

    private static int waitForExecutors(SparkContext sc, int expected, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        int seen = executorCount(sc);
        while (seen < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            seen = executorCount(sc);
        }
        return seen;
    }
}
