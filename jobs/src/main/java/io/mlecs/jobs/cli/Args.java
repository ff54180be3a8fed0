package io.mlecs.jobs.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small command-line parser for subcommands: {@code --name value}, {@code --name=value}, boolean flags and
 * positional arguments. Options not declared are a {@link UsageException}, so typos do not pass silently.
 *
 * <pre>{@code
 * Args a = Args.parse(args, Set.of("--partitions", "--output"), Set.of("--verbose"));
 * int n = a.intValue("--partitions", 2);
 * }</pre>
 */
public final class Args {

    private final Map<String, List<String>> values;
    private final List<String> positionals;

    private Args(Map<String, List<String>> values, List<String> positionals) {
        this.values = values;
        this.positionals = positionals;
    }

    /**
     * @param args        the command's arguments
     * @param valued      option names that take a value (with the leading dashes)
     * @param flags       option names that take none
     */
    public static Args parse(String[] args, Set<String> valued, Set<String> flags) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        boolean onlyPositionals = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (onlyPositionals || !arg.startsWith("-") || arg.equals("-")) {
                positionals.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                onlyPositionals = true;
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("option " + name + " takes no value");
                }
                values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("option " + name + " needs a value");
                    }
                    value = args[++i];
                }
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                List<String> known = new ArrayList<>(valued);
                known.addAll(flags);
                Collections.sort(known);
                throw new UsageException("unknown option " + name
                        + (known.isEmpty() ? " (this command takes no options)" : "; valid: " + String.join(", ", known)));
            }
        }
        return new Args(values, positionals);
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    /** The last value given for {@code name}. */
    public Optional<String> value(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    public String value(String name, String defaultValue) {
        return value(name).orElse(defaultValue);
    }

    /** Every value given for a repeatable option, in order. */
    public List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    public int intValue(String name, int defaultValue) {
        Optional<String> v = value(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.get().trim());
        } catch (NumberFormatException e) {
            throw new UsageException("option " + name + " needs an integer, got '" + v.get() + "'");
        }
    }

    public long longValue(String name, long defaultValue) {
        Optional<String> v = value(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.get().trim());
        } catch (NumberFormatException e) {
            throw new UsageException("option " + name + " needs an integer, got '" + v.get() + "'");
        }
    }

    public List<String> positionals() {
        return Collections.unmodifiableList(positionals);
    }
}
