package io.mlecs.jobs.cli;

/** A mistake in the command line: {@link io.mlecs.jobs.Main} prints the message and exits with 2. */
public class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
