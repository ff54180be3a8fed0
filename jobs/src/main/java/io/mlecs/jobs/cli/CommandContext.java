package io.mlecs.jobs.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * What a {@link Command} runs with: the output streams, the global options given before the subcommand, and a
 * SparkSession that is created only when {@link #spark()} is first called.
 *
 * <p>Master, in order of precedence: {@code --master} given to {@code mlecs}; {@code spark.master} set by
 * {@code spark-submit} (a system property, which {@link SparkConf} reads); {@code local[*]}.
 *
 * <p>Local mode only ({@code local}, {@code local[N]}, {@code local[*]}, ...), and only where not set already:
 * the Spark UI is off unless {@code --ui}; {@code spark.sql.shuffle.partitions} is the number of local cores
 * (Spark's 200 makes tiny jobs slow); driver host and bind address are 127.0.0.1.
 *
 * <p>Every master, where not set already: {@code spark.executorEnv.OMP_NUM_THREADS} and
 * {@code OPENBLAS_NUM_THREADS} are 1 (one native thread per task, one task per core). Cluster masters: unless
 * {@code spark.executor.extraJavaOptions} already names it, {@code -Dorg.bytedeco.javacpp.maxPhysicalBytes=0} is
 * appended to it (see {@link #MAX_PHYSICAL_BYTES}; local mode runs in the launcher's JVM, where bin/mlecs sets
 * it). When {@code bin/mlecs}
 * starts a driver for a cluster master itself (not through spark-submit), {@code spark.jars} is the shaded jar it
 * names in the {@code mlecs.app.jar} system property, so executors get the project's classes.
 */
public final class CommandContext implements AutoCloseable {

    /**
     * javacpp's resident-memory check, done on every native allocation (it reads the process's memory use):
     * 0 turns it off, which saves 9-22 % CPU per training step (docs/performance.md). javacpp's limit on the
     * native memory it allocates ({@code org.bytedeco.javacpp.maxBytes}) still applies.
     */
    public static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";
    static final String EXECUTOR_JAVA_OPTIONS = "spark.executor.extraJavaOptions";

    /** System property bin/mlecs sets to the shaded jar, shipped to executors when it drives a cluster itself. */
    public static final String APP_JAR_PROPERTY = "mlecs.app.jar";
    public static final String DEFAULT_MASTER = "local[*]";

    private static final Pattern LOCAL_CORES = Pattern.compile("local\\[(\\*|\\d+)(?:,\\s*\\d+)?]");

    /** Global options, parsed by {@link io.mlecs.jobs.Main} from the words before the subcommand. */
    public static final class Options {
        private String master;
        private String appName;
        private boolean ui;
        private String logLevel;
        private final Map<String, String> conf = new LinkedHashMap<>();

        public Options master(String value) {
            this.master = value;
            return this;
        }

        public Options appName(String value) {
            this.appName = value;
            return this;
        }

        public Options ui(boolean value) {
            this.ui = value;
            return this;
        }

        public Options logLevel(String value) {
            this.logLevel = value;
            return this;
        }

        public Options conf(String key, String value) {
            conf.put(key, value);
            return this;
        }

        public String master() {
            return master;
        }

        public String appName() {
            return appName;
        }

        public boolean ui() {
            return ui;
        }

        public String logLevel() {
            return logLevel;
        }

        public Map<String, String> conf() {
            return conf;
        }
    }

    private final String commandName;
    private final Options options;
    private final PrintStream out;
    private final PrintStream err;
    private SparkSession spark;

    public CommandContext(String commandName, Options options, PrintStream out, PrintStream err) {
        this.commandName = Objects.requireNonNull(commandName);
        this.options = Objects.requireNonNull(options);
        this.out = Objects.requireNonNull(out);
        this.err = Objects.requireNonNull(err);
    }

    /** Where results go (JSON, tables). Keep logs off it. */
    public PrintStream out() {
        return out;
    }

    /** Where messages for people go. */
    public PrintStream err() {
        return err;
    }

    public Options options() {
        return options;
    }

    public String commandName() {
        return commandName;
    }

    /** The SparkSession, created on first call (or the one already active in this JVM, e.g. on Databricks). */
    public synchronized SparkSession spark() {
        if (spark == null) {
            SparkConf conf = sparkConf(new SparkConf(), options, commandName);
            spark = SparkSession.builder().config(conf).getOrCreate();
            if (options.logLevel() != null) {
                spark.sparkContext().setLogLevel(options.logLevel().toUpperCase(Locale.ROOT));
            }
        }
        return spark;
    }

    public JavaSparkContext javaSparkContext() {
        return JavaSparkContext.fromSparkContext(spark().sparkContext());
    }

    /** Whether {@link #spark()} has been called. */
    public synchronized boolean sparkStarted() {
        return spark != null;
    }

    /** Stops the SparkSession if one was started, except on Databricks, whose context is shared and not ours. */
    @Override
    public synchronized void close() {
        if (spark != null && !onDatabricks()) {
            spark.stop();
        }
        spark = null;
    }

    public static boolean onDatabricks() {
        return System.getenv("DATABRICKS_RUNTIME_VERSION") != null;
    }

    /**
     * Completes {@code base} (which holds what spark-submit and system properties set) with the global options
     * and this project's defaults. Public for tests and for commands that build their own conf.
     */
    public static SparkConf sparkConf(SparkConf base, Options options, String commandName) {
        SparkConf conf = base.clone();
        boolean fromSubmit = conf.contains("spark.master");
        if (options.master() != null) {
            conf.setMaster(options.master());
        } else if (!fromSubmit) {
            conf.setMaster(DEFAULT_MASTER);
        }
        options.conf().forEach(conf::set);
        if (options.appName() != null) {
            conf.setAppName(options.appName());
        } else if (!conf.contains("spark.app.name")) {
            conf.setAppName("mlecs " + commandName);
        }
        String master = conf.get("spark.master");
        setIfMissing(conf, "spark.executorEnv.OMP_NUM_THREADS", "1");
        setIfMissing(conf, "spark.executorEnv.OPENBLAS_NUM_THREADS", "1");
        if (isLocal(master)) {
            if (!conf.contains("spark.ui.enabled") || options.ui()) {
                conf.set("spark.ui.enabled", Boolean.toString(options.ui()));
            }
            setIfMissing(conf, "spark.sql.shuffle.partitions", Integer.toString(localCores(master)));
            if (System.getenv("SPARK_LOCAL_IP") == null) {
                setIfMissing(conf, "spark.driver.host", "127.0.0.1");
                setIfMissing(conf, "spark.driver.bindAddress", "127.0.0.1");
            }
        } else {
            if (options.ui()) {
                conf.set("spark.ui.enabled", "true");
            }
            String executorOpts = conf.get(EXECUTOR_JAVA_OPTIONS, "");
            if (!executorOpts.contains(MAX_PHYSICAL_BYTES)) {
                conf.set(EXECUTOR_JAVA_OPTIONS, (executorOpts.isBlank() ? "" : executorOpts.strip() + " ")
                        + "-D" + MAX_PHYSICAL_BYTES + "=0");
            }
            String appJar = System.getProperty(APP_JAR_PROPERTY);
            if (!fromSubmit && appJar != null && !appJar.isBlank() && !conf.contains("spark.jars")) {
                conf.set("spark.jars", appJar);
            }
        }
        return conf;
    }

    public static boolean isLocal(String master) {
        return master != null && (master.equals("local") || master.startsWith("local["));
    }

    /** Cores of a local master: {@code local} 1, {@code local[N]} N, {@code local[*]} all of this machine's. */
    public static int localCores(String master) {
        if ("local".equals(master)) {
            return 1;
        }
        Matcher m = LOCAL_CORES.matcher(master == null ? "" : master.trim());
        if (m.matches()) {
            return m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors()
                    : Math.max(1, Integer.parseInt(m.group(1)));
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static void setIfMissing(SparkConf conf, String key, String value) {
        if (!conf.contains(key)) {
            conf.set(key, value);
        }
    }
}
