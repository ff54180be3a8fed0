package io.mlecs.jobs.cli;

/**
 * One {@code mlecs} subcommand. Register it with one line in {@link io.mlecs.jobs.Commands#registry()}.
 *
 * <p>Implementations must not call {@link System#exit}: return the exit code instead (0 ok, 1 failure,
 * 2 usage error) or throw; {@link io.mlecs.jobs.Main} maps a {@link UsageException} to 2 and any other
 * exception to 1. Ask {@link CommandContext#spark()} for a SparkSession only when the command needs one:
 * it is created on first use.
 */
public interface Command {

    /** True when {@code run} answers {@code --help} itself (its own, more detailed help text). */
    default boolean handlesHelp() {
        return false;
    }

    /** The word typed after {@code mlecs}, lower case, e.g. {@code doctor}. */
    String name();

    /** One line for {@code mlecs --help}. */
    String summary();

    /** Text for {@code mlecs <name> --help}: the command's options. */
    default String usage() {
        return "Usage: mlecs " + name() + "\n\n" + summary() + "\n";
    }

    /**
     * Runs the command.
     *
     * @param args the arguments after the command name (global options already removed)
     * @param ctx  output streams, global options and the lazily created SparkSession
     * @return the process exit code
     */
    int run(String[] args, CommandContext ctx) throws Exception;
}
