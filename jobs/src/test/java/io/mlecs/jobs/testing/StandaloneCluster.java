package io.mlecs.jobs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Spark standalone cluster of separate JVMs on 127.0.0.1, for integration tests: one
 * {@code org.apache.spark.deploy.master.Master}, N {@code org.apache.spark.deploy.worker.Worker}s (executors are
 * JVMs the workers fork), and applications submitted through Spark's own submit path.
 *
 * <p>Every JVM is started the way Spark's {@code bin/spark-class} starts it: {@code org.apache.spark.launcher.Main}
 * (run on the Spark home's jars) prints the command, NUL-separated, and that command is run. The Spark home is
 * a folder whose {@code jars/} holds Spark's runtime jars (the jobs pom copies them to
 * {@code target/spark-home/jars} before the integration tests); no Spark distribution is needed.
 *
 * <p>Ports are free ones picked at start. Logs go to {@code <workDir>/logs}, executor logs to
 * {@code <workDir>/worker-N/<app>/<id>/stderr}. {@link #close()} stops every process and its descendants
 * (SIGTERM, then SIGKILL after a grace period); a JVM shutdown hook does the same if a test forgets, and
 * {@link Builder#start()} kills processes a previous, killed test run left behind (recorded in a pid file).
 */
public final class StandaloneCluster implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAUNCHER_MAIN = "org.apache.spark.launcher.Main";
    private static final String PID_SUFFIX = ".pids";
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /** The JVM flags Spark 3.5 needs on Java 17 (spark-submit adds them to drivers and executors itself). */
    public static final List<String> SPARK_MODULE_FLAGS = List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false");

    /** Options of a cluster; {@link #start()} starts it. */
    public static final class Builder {
        private Path sparkHome;
        private Path workDir;
        private int workers = 2;
        private int coresPerWorker = 1;
        private String workerMemory = "1536m";
        private String daemonMemory = "256m";
        private Duration startTimeout = Duration.ofSeconds(90);
        private final Map<String, String> env = new LinkedHashMap<>();

        /** A folder with {@code jars/} holding Spark's runtime jars. */
        public Builder sparkHome(Path value) {
            sparkHome = value;
            return this;
        }

        /** Where logs, conf, worker folders and the pid file go (created; a new subfolder per cluster). */
        public Builder workDir(Path value) {
            workDir = value;
            return this;
        }

        public Builder workers(int value) {
            workers = value;
            return this;
        }

        public Builder coresPerWorker(int value) {
            coresPerWorker = value;
            return this;
        }

        /** Memory a worker offers to executors, e.g. {@code 1536m}. */
        public Builder workerMemory(String value) {
            workerMemory = value;
            return this;
        }

        /** Heap of the master and worker daemons themselves. */
        public Builder daemonMemory(String value) {
            daemonMemory = value;
            return this;
        }

        /** How long to wait for all workers to register. */
        public Builder startTimeout(Duration value) {
            startTimeout = value;
            return this;
        }

        /** An environment variable for every JVM of the cluster (daemons, executors via workers, drivers). */
        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public StandaloneCluster start() throws IOException, InterruptedException {
            if (sparkHome == null || workDir == null) {
                throw new IllegalStateException("sparkHome and workDir are required");
            }
            StandaloneCluster cluster = new StandaloneCluster(this);
            try {
                cluster.startAll();
            } catch (IOException | InterruptedException | RuntimeException | Error e) {
                cluster.close();
                throw e;
            }
            return cluster;
        }
    }

    /** What a submitted application did. */
    public record SubmitResult(long pid, int exitCode, boolean timedOut, Duration elapsed, String stdout,
                               String stderr, Path stdoutFile, Path stderrFile, String diagnostics) {
    }

    private final Builder options;
    private final Path sparkHome;
    private final Path dir;
    private final Path logDir;
    private final Path confDir;
    private final Path pidFile;
    private final List<Managed> processes = Collections.synchronizedList(new ArrayList<>());
    private final Thread shutdownHook;
    private int masterPort;
    private int masterUiPort;
    private volatile boolean closed;
    private int submissions;

    private record Managed(String name, Process process, Path log) {
    }

    private StandaloneCluster(Builder options) throws IOException {
        this.options = options;
        this.sparkHome = options.sparkHome.toAbsolutePath().normalize();
        Path base = options.workDir.toAbsolutePath().normalize();
        Files.createDirectories(base);
        ProcessTrees.killLeftovers(base, PID_SUFFIX, sparkHome.toString(), STOP_GRACE);
        this.dir = Files.createTempDirectory(base, "cluster-");
        this.pidFile = base.resolve(dir.getFileName() + PID_SUFFIX);
        this.logDir = Files.createDirectories(dir.resolve("logs"));
        this.confDir = Files.createDirectories(dir.resolve("conf"));
        this.shutdownHook = new Thread(this::close, "standalone-cluster-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code spark://127.0.0.1:PORT} */
    public String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    public String masterWebUiUrl() {
        return "http://127.0.0.1:" + masterUiPort;
    }

    /** This cluster's folder (logs, conf, worker folders with executor logs). */
    public Path dir() {
        return dir;
    }

    public Path sparkHome() {
        return sparkHome;
    }

    /** The master's state, from its web UI's JSON endpoint. */
    public JsonNode masterState() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(masterWebUiUrl() + "/json/"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() != 200) {
            throw new IOException("master web UI answered " + resp.statusCode());
        }
        return JSON.readTree(resp.body());
    }

    /** Workers the master lists as ALIVE. */
    public int aliveWorkers() throws IOException, InterruptedException {
        int alive = 0;
        for (JsonNode w : masterState().path("workers")) {
            if ("ALIVE".equals(w.path("state").asText())) {
                alive++;
            }
        }
        return alive;
    }

    /**
     * The spark-submit options every application on this cluster needs: master, client deploy mode, one core per
     * executor, one executor per worker (and the driver waits for all of them before running jobs), loopback
     * addresses, no UI. Add {@code --class}, the jar and the application's arguments.
     */
    public List<String> baseSubmitArgs() {
        int totalCores = options.workers * options.coresPerWorker;
        return new ArrayList<>(List.of(
                "--master", masterUrl(),
                "--deploy-mode", "client",
                "--executor-cores", Integer.toString(options.coresPerWorker),
                "--total-executor-cores", Integer.toString(totalCores),
                "--conf", "spark.scheduler.minRegisteredResourcesRatio=1.0",
                "--conf", "spark.scheduler.maxRegisteredResourcesWaitingTime=60s",
                "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.ui.enabled=false"));
    }

    /**
     * {@link #baseSubmitArgs()} plus what running this project's {@code io.mlecs.jobs.Main} needs: 1 GiB for
     * driver and executors, javacpp's cache folder {@code javacppCacheDir} on both sides, one native thread per
     * executor task; then the application {@code jar} and {@code mainArgs} (a subcommand and its options).
     */
    public List<String> mlecsSubmitArgs(Path jar, String javacppCacheDir, List<String> mainArgs) {
        List<String> args = baseSubmitArgs();
        args.addAll(List.of(
                "--class", "io.mlecs.jobs.Main",
                "--driver-memory", "1g",
                "--driver-java-options", "-Dorg.bytedeco.javacpp.cachedir=" + javacppCacheDir,
                "--executor-memory", "1g",
                "--conf", "spark.executor.extraJavaOptions=-Dorg.bytedeco.javacpp.cachedir=" + javacppCacheDir,
                "--conf", "spark.executorEnv.OMP_NUM_THREADS=1",
                "--conf", "spark.executorEnv.OPENBLAS_NUM_THREADS=1",
                jar.toString()));
        args.addAll(mainArgs);
        return args;
    }

    /**
     * Submits an application the way {@code bin/spark-submit} does ({@code launcher.Main} builds the driver
     * command for {@code org.apache.spark.deploy.SparkSubmit}), waits for it and returns its output. A run past
     * {@code timeout} is killed with its descendants and reported with {@code timedOut}.
     */
    public SubmitResult submit(List<String> sparkSubmitArgs, Map<String, String> extraEnv, Duration timeout)
            throws IOException, InterruptedException {
        int n;
        synchronized (this) {
            n = ++submissions;
        }
        String name = "submit-" + n;
        Map<String, String> env = new LinkedHashMap<>(baseEnv());
        env.putAll(extraEnv);
        Instant t0 = Instant.now();
        List<String> command = sparkClassCommand("org.apache.spark.deploy.SparkSubmit", sparkSubmitArgs, env, name);
        Path out = logDir.resolve(name + ".stdout");
        Path err = logDir.resolve(name + ".stderr");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        applyEnv(pb, env);
        Process p = pb.start();
        Managed m = new Managed(name, p, err);
        track(m);
        boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            stop(List.of(m));
        }
        processes.remove(m);
        Duration elapsed = Duration.between(t0, Instant.now());
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        int code = finished ? p.exitValue() : -1;
        String diag = name + (finished ? " exited " + code : " timed out after " + timeout.toSeconds() + " s")
                + " in " + elapsed.toMillis() + " ms\n--- driver stderr (tail) ---\n" + ProcessTrees.tail(stderr, 60)
                + executorLogTails();
        return new SubmitResult(p.pid(), code, !finished, elapsed, stdout, stderr, out, err, diag);
    }

    /** Pids of the running daemons and drivers and all their descendants (executors included). */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        synchronized (processes) {
            for (Managed m : processes) {
                pids.add(m.process().pid());
                m.process().toHandle().descendants().forEach(h -> pids.add(h.pid()));
            }
        }
        return pids;
    }

    /** Stops every process of the cluster and their descendants; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Managed> all;
        synchronized (processes) {
            all = new ArrayList<>(processes);
        }
        Collections.reverse(all); // drivers, then workers (and their executors), then the master
        stop(all);
        processes.clear();
        deleteAppJarCopies();
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // best effort
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // JVM already shutting down
            }
        }
    }

    /** Workers copy each application's jars into their work folders (the shaded jar: ~230 MB each); logs stay. */
    private void deleteAppJarCopies() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort: only disk space
        }
    }

    /** The last lines of every executor's stderr (for failure messages). */
    public String executorLogTails() {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("stderr")).sorted().toList()) {
                sb.append("\n--- ").append(dir.relativize(f)).append(" (tail) ---\n")
                        .append(ProcessTrees.tail(Files.readString(f, StandardCharsets.UTF_8), 30));
            }
        } catch (IOException | UncheckedIOException e) {
            sb.append("\n(could not read executor logs: ").append(e).append(')');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------------

    private void startAll() throws IOException, InterruptedException {
        Path jars = sparkHome.resolve("jars");
        try (Stream<Path> s = Files.list(jars)) {
            if (s.noneMatch(p -> p.getFileName().toString().startsWith("spark-core_"))) {
                throw new IllegalStateException("no spark-core jar in " + jars);
            }
        } catch (IOException e) {
            throw new IllegalStateException("no Spark jars in " + jars + " (run mvn verify, which copies them)", e);
        }
        Files.writeString(confDir.resolve("log4j2.properties"), String.join("\n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.stderr.ref = console",
                "appender.console.type = Console",
                "appender.console.name = console",
                "appender.console.target = SYSTEM_ERR",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{HH:mm:ss.SSS} %p %c{1}: %m%n%ex",
                "logger.nd4jimport.name = org.nd4j.imports.converters.ImportClassMapping",
                "logger.nd4jimport.level = error",
                ""), StandardCharsets.UTF_8);

        int[] ports = ProcessTrees.freeLoopbackPorts(2 + 2 * options.workers);
        masterPort = ports[0];
        masterUiPort = ports[1];
        Instant deadline = Instant.now().plus(options.startTimeout);

        Managed master = launchDaemon("master", "org.apache.spark.deploy.master.Master", List.of(
                "--host", "127.0.0.1", "--port", Integer.toString(masterPort),
                "--webui-port", Integer.toString(masterUiPort)), Map.of());
        for (int i = 0; i < options.workers; i++) {
            Path workerDir = Files.createDirectories(dir.resolve("worker-" + i));
            launchDaemon("worker-" + i, "org.apache.spark.deploy.worker.Worker", List.of(
                    "--host", "127.0.0.1",
                    "--port", Integer.toString(ports[2 + 2 * i]),
                    "--webui-port", Integer.toString(ports[3 + 2 * i]),
                    "--cores", Integer.toString(options.coresPerWorker),
                    "--memory", options.workerMemory,
                    "--work-dir", workerDir.toString(),
                    masterUrl()), Map.of("SPARK_WORKER_DIR", workerDir.toString()));
        }

        int alive = 0;
        String lastError = "";
        while (Instant.now().isBefore(deadline)) {
            for (Managed m : List.copyOf(processes)) {
                if (!m.process().isAlive()) {
                    throw new IllegalStateException(m.name() + " exited with " + m.process().exitValue()
                            + " while starting; log tail:\n" + ProcessTrees.tail(ProcessTrees.readQuietly(m.log()), 40));
                }
            }
            try {
                alive = aliveWorkers();
                if (alive >= options.workers) {
                    return;
                }
            } catch (IOException e) {
                lastError = e.toString(); // web UI not up yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("only " + alive + " of " + options.workers + " workers registered within "
                + options.startTimeout.toSeconds() + " s " + lastError + "\n--- master log (tail) ---\n"
                + ProcessTrees.tail(ProcessTrees.readQuietly(master.log()), 40));
    }

    private Managed launchDaemon(String name, String className, List<String> args, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>(baseEnv());
        env.put("SPARK_DAEMON_MEMORY", options.daemonMemory);
        env.put("SPARK_DAEMON_JAVA_OPTS", String.join(" ", SPARK_MODULE_FLAGS));
        env.putAll(extraEnv);
        List<String> command = sparkClassCommand(className, args, env, name);
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        applyEnv(pb, env);
        Managed m = new Managed(name, pb.start(), log);
        track(m);
        return m;
    }

    /** What {@code bin/spark-class CLASS ARGS} would exec: {@code launcher.Main} prints it, NUL-separated. */
    private List<String> sparkClassCommand(String className, List<String> args, Map<String, String> env, String name)
            throws IOException, InterruptedException {
        List<String> launcher = new ArrayList<>(List.of(javaBin(), "-Xmx128m", "-cp",
                sparkHome.resolve("jars") + "/*", LAUNCHER_MAIN, className));
        launcher.addAll(args);
        Path out = logDir.resolve(name + ".launcher.out");
        Path err = logDir.resolve(name + ".launcher.err");
        ProcessBuilder pb = new ProcessBuilder(launcher).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        applyEnv(pb, env);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("Spark's launcher did not answer within 60 s for " + className);
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0 || text.isEmpty()) {
            throw new IllegalStateException("Spark's launcher failed (exit " + p.exitValue() + ") for " + className
                    + ":\n" + ProcessTrees.readQuietly(err) + text);
        }
        // As bin/spark-class reads it: message lines, then a line holding only NUL, then the command, each
        // argument followed by NUL.
        int marker = text.indexOf("\0\n");
        if (marker < 0) {
            throw new IllegalStateException("unexpected output of Spark's launcher for " + className + ":\n" + text
                    + ProcessTrees.readQuietly(err));
        }
        List<String> command = Arrays.stream(text.substring(marker + 2).split("\0", -1))
                .map(a -> a.replaceAll("\r$", "")).filter(a -> !a.isEmpty())
                .collect(Collectors.toCollection(ArrayList::new));
        Files.writeString(logDir.resolve(name + ".command"), String.join("\n", command) + "\n", StandardCharsets.UTF_8);
        return command;
    }

    private Map<String, String> baseEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.12");
        env.put("SPARK_CONF_DIR", confDir.toString());
        env.put("SPARK_LOG_DIR", logDir.toString());
        env.put("SPARK_PID_DIR", dir.toString());
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_DIRS", dir.resolve("local").toString());
        env.put("OMP_NUM_THREADS", "1");
        env.put("OPENBLAS_NUM_THREADS", "1");
        env.putAll(options.env);
        return env;
    }

    /** The child gets this JVM's environment less anything Spark- or Hadoop-specific, plus {@code env}. */
    private static void applyEnv(ProcessBuilder pb, Map<String, String> env) {
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("SPARK_") || k.startsWith("PYSPARK") || k.startsWith("HADOOP_")
                || k.startsWith("YARN_") || k.equals("JAVA_TOOL_OPTIONS") || k.equals("_JAVA_OPTIONS")
                || k.equals("CLASSPATH"));
        e.putAll(env);
    }

    private void track(Managed m) throws IOException {
        processes.add(m);
        String line = m.process().pid() + " " + m.name() + "\n";
        Files.writeString(pidFile, line, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** SIGTERM to each process and its descendants, SIGKILL to whatever is left after the grace period. */
    private static void stop(List<Managed> list) {
        ProcessTrees.terminate(list.stream().map(m -> m.process().toHandle()).toList(), STOP_GRACE);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
