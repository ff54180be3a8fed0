package io.mlecs.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Properties;

import io.mlecs.core.util.DropLinesStream;
import io.mlecs.jobs.cli.Command;
import io.mlecs.jobs.cli.CommandContext;
import io.mlecs.jobs.cli.CommandRegistry;
import io.mlecs.jobs.cli.UsageException;

/**
 * The single entry point: {@code bin/mlecs <command> ...} and
 * {@code spark-submit --class io.mlecs.jobs.Main <jar> <command> ...}.
 *
 * <p>Exit codes: 0 success, 1 the command failed, 2 usage error (unknown command or option).
 * On Databricks the JVM is not exited (the platform forbids it): a failure is thrown instead.
 */
public final class Main {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /** bin/mlecs sets this system property to {@link #LAUNCHER}. */
    public static final String LAUNCHER_PROPERTY = "mlecs.launcher";
    static final String LAUNCHER = "bin/mlecs";

    private Main() {
    }

    public static void main(String[] args) {
        // Results go to the real stdout only through CommandContext.out(); anything else that writes to
        // System.out (some libraries print banners) goes to stderr, so `mlecs doctor | jq` and friends always see
        // clean output; SameDiff's line per differentiated op is dropped on the way.
        PrintStream results = System.out;
        System.setOut(DropLinesStream.samediffQuiet(System.err));
        int rc;
        try {
            rc = run(args, results, System.err);
        } catch (Throwable t) {
            // run() already maps exceptions; this is for Errors thrown while closing
            t.printStackTrace(System.err);
            rc = FAILED;
        } finally {
            System.setOut(results); // the JVM may outlive us (Databricks)
        }
        results.flush();
        System.err.flush();
        if (CommandContext.onDatabricks()) {
            if (rc != OK) {
                throw new IllegalStateException("mlecs " + String.join(" ", args) + " failed with exit code " + rc);
            }
            return;
        }
        // Under spark-submit a normal return lets Spark finish the application (YARN cluster mode reports an
        // early System.exit as a failure); bin/mlecs owns its JVM and exits so no stray thread keeps it alive.
        if (rc != OK || LAUNCHER.equals(System.getProperty(LAUNCHER_PROPERTY))) {
            System.exit(rc);
        }
    }

    /** Runs a command line without exiting the JVM; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, Commands.registry(), out, err);
    }

    static int run(String[] args, CommandRegistry registry, PrintStream out, PrintStream err) {
        CommandContext.Options options = new CommandContext.Options();
        int i = 0;
        try {
            for (; i < args.length && args[i].startsWith("-"); i++) {
                String arg = args[i];
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 2) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                switch (name) {
                    case "-h", "--help" -> {
                        out.print(help(registry));
                        return OK;
                    }
                    case "--version" -> {
                        out.println("mlecs " + version());
                        return OK;
                    }
                    case "--ui" -> options.ui(true);
                    case "--master", "--app-name", "--log-level", "--conf" -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new UsageException("option " + name + " needs a value");
                            }
                            value = args[++i];
                        }
                        switch (name) {
                            case "--master" -> options.master(value);
                            case "--app-name" -> options.appName(value);
                            case "--log-level" -> options.logLevel(value);
                            default -> {
                                int kv = value.indexOf('=');
                                if (kv <= 0) {
                                    throw new UsageException("--conf needs key=value, got '" + value + "'");
                                }
                                options.conf(value.substring(0, kv), value.substring(kv + 1));
                            }
                        }
                    }
                    default -> throw new UsageException("unknown global option " + arg);
                }
            }
        } catch (UsageException e) {
            err.println("mlecs: " + e.getMessage());
            err.println("Run 'mlecs --help' for usage.");
            return USAGE;
        }
        if (i >= args.length) {
            err.print(help(registry));
            err.println();
            err.println("mlecs: no command given");
            return USAGE;
        }
        String name = args[i];
        String[] rest = Arrays.copyOfRange(args, i + 1, args.length);
        Command command = registry.find(name).orElse(null);
        if (command == null) {
            err.println("mlecs: unknown command '" + name + "'. Valid commands: " + String.join(", ", registry.names()));
            err.println("Run 'mlecs --help' for usage.");
            return USAGE;
        }
        if (!command.handlesHelp()
                && (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h"))) {
            out.print(command.usage());
            return OK;
        }
        try (CommandContext ctx = new CommandContext(name, options, out, err)) {
            return command.run(rest, ctx);
        } catch (UsageException e) {
            err.println("mlecs " + name + ": " + e.getMessage());
            err.println("Run 'mlecs " + name + " --help' for usage.");
            return USAGE;
        } catch (Exception | LinkageError e) {
            // LinkageError: e.g. ND4J's backend failing to load its native libraries
            err.println("mlecs " + name + " failed: " + e);
            e.printStackTrace(err);
            return FAILED;
        }
    }

    static String help(CommandRegistry registry) {
        StringBuilder sb = new StringBuilder();
        sb.append("mlecs ").append(version())
                .append(" - ML-ECS (collaborative multimodal learning for edge-cloud systems) on Apache Spark\n\n");
        sb.append("Usage: mlecs [global options] <command> [command options]\n");
        sb.append("       spark-submit [spark options] --class io.mlecs.jobs.Main <jobs-spark.jar> <command> [command options]\n\n");
        sb.append("Commands:\n");
        int width = registry.names().stream().mapToInt(String::length).max().orElse(8);
        for (Command c : registry.all()) {
            sb.append("  ").append(String.format("%-" + width + "s", c.name())).append("  ").append(c.summary()).append('\n');
        }
        sb.append("\nGlobal options (before the command):\n");
        sb.append("  --master URL       Spark master (default: the one spark-submit set, else local[*])\n");
        sb.append("  --app-name NAME    Spark application name (default: 'mlecs <command>')\n");
        sb.append("  --conf KEY=VALUE   extra Spark configuration; repeatable\n");
        sb.append("  --ui               keep the Spark web UI on in local mode\n");
        sb.append("  --log-level LEVEL  Spark log level once the session is up (WARN, INFO, ...)\n");
        sb.append("  --version          print the version\n");
        sb.append("  -h, --help         this help\n\n");
        sb.append("Run 'mlecs <command> --help' for the options of a command.\n");
        sb.append("Exit codes: 0 ok, 1 failed, 2 usage error.\n");
        return sb.toString();
    }

    /** The project version from the jar's Maven metadata, or "dev" when run from classes. */
    public static String version() {
        try (InputStream in = Main.class.getResourceAsStream("/META-INF/maven/io.mlecs/mlecs-jobs/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "dev");
            }
        } catch (IOException e) {
            // fall through
        }
        return "dev";
    }
}
