package io.mlecs.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.mlecs.jobs.cli.Args;
import io.mlecs.jobs.cli.Command;
import io.mlecs.jobs.cli.CommandContext;
import io.mlecs.jobs.cli.CommandRegistry;
import io.mlecs.jobs.cli.UsageException;
import org.junit.jupiter.api.Test;

/** The CLI without Spark: help, unknown commands, global options. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(CommandRegistry registry, String... args) {
        return Main.run(args, registry, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Records what it was given; never touches Spark. */
    static final class Echo implements Command {
        final List<String> seen = new ArrayList<>();
        CommandContext.Options options;
        boolean sparkStarted;

        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String summary() {
            return "prints its arguments";
        }

        @Override
        public int run(String[] args, CommandContext ctx) {
            Args a = Args.parse(args, java.util.Set.of("--n"), java.util.Set.of("--fail"));
            seen.addAll(a.positionals());
            options = ctx.options();
            sparkStarted = ctx.sparkStarted();
            ctx.out().println(String.join(" ", a.positionals()));
            return a.flag("--fail") ? Main.FAILED : Main.OK;
        }
    }

    @Test
    void helpListsRegisteredCommands() {
        assertEquals(0, run(Commands.registry(), "--help"));
        assertTrue(out().contains("doctor"), out());
        assertTrue(out().contains("Usage: mlecs"), out());
    }

    @Test
    void unknownCommandExitsTwoAndListsValidOnes() {
        assertEquals(2, run(Commands.registry(), "frobnicate"));
        assertTrue(err().contains("unknown command 'frobnicate'"), err());
        assertTrue(err().contains("doctor"), err());
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(2, run(Commands.registry()));
        assertTrue(err().contains("no command given"), err());
    }

    @Test
    void unknownGlobalOptionAndMissingValueAreUsageErrors() {
        assertEquals(2, run(Commands.registry(), "--bogus", "doctor"));
        assertEquals(2, run(Commands.registry(), "--master"));
        assertEquals(2, run(Commands.registry(), "--conf", "novalue", "doctor"));
    }

    @Test
    void globalOptionsReachTheCommandAndSparkIsNotStarted() {
        Echo echo = new Echo();
        CommandRegistry registry = new CommandRegistry().add(echo);
        assertEquals(0, run(registry, "--master=local[3]", "--conf", "a.b=c=d", "--ui", "echo", "x", "--n", "4", "y"));
        assertEquals(List.of("x", "y"), echo.seen);
        assertEquals("local[3]", echo.options.master());
        assertEquals("c=d", echo.options.conf().get("a.b"));
        assertTrue(echo.options.ui());
        assertFalse(echo.sparkStarted);
        assertEquals("x y", out().trim());
    }

    @Test
    void commandExitCodesAndUsageErrors() {
        CommandRegistry registry = new CommandRegistry().add(new Echo());
        assertEquals(1, run(registry, "echo", "--fail"));
        assertEquals(2, run(registry, "echo", "--nope"));
        assertTrue(err().contains("unknown option --nope"), err());
        assertEquals(0, run(registry, "echo", "--help"));
        assertTrue(out().contains("prints its arguments"));
    }

    @Test
    void doctorHelpNeedsNoSpark() {
        assertEquals(0, run(Commands.registry(), "doctor", "--help"));
        assertTrue(out().contains("--expect-executors"), out());
    }

    @Test
    void registryRejectsDuplicatesAndBadNames() {
        CommandRegistry registry = new CommandRegistry().add(new Echo());
        assertThrows(IllegalArgumentException.class, () -> registry.add(new Echo()));
        assertThrows(UsageException.class, () -> Args.parse(new String[] {"--n"}, java.util.Set.of("--n"), java.util.Set.of()));
    }
}
