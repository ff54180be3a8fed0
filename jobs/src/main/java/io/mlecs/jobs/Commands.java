package io.mlecs.jobs;

import io.mlecs.jobs.cli.CommandRegistry;
import io.mlecs.jobs.doctor.DoctorCommand;

/** The subcommands of {@code mlecs}. Adding one is one line here. */
public final class Commands {

    private Commands() {
    }

    public static CommandRegistry registry() {
        return new CommandRegistry()
                .add(new DoctorCommand());
    }
}
