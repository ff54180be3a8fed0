package io.mlecs.jobs.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Subcommands by name, in the order they were added (the order {@code --help} lists them in). */
public final class CommandRegistry {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public CommandRegistry add(Command command) {
        String name = command.name();
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("bad command name: " + name);
        }
        if (commands.putIfAbsent(name, command) != null) {
            throw new IllegalArgumentException("command registered twice: " + name);
        }
        return this;
    }

    public Optional<Command> find(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    public List<Command> all() {
        return Collections.unmodifiableList(new ArrayList<>(commands.values()));
    }

    public List<String> names() {
        return List.copyOf(commands.keySet());
    }
}
