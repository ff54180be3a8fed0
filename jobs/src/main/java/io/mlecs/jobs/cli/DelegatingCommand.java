package io.mlecs.jobs.cli;

import java.util.Arrays;

/** A subcommand whose body lives in another module, behind a static {@code run} method. */
public final class DelegatingCommand implements Command {
  /** The delegated body. */
  @FunctionalInterface
  public interface Body {
    int run(String[] args, CommandContext ctx) throws Exception;
  }

  private final String name;
  private final String summary;
  private final Body body;

  public DelegatingCommand(String name, String summary, Body body) {
    this.name = name;
    this.summary = summary;
    this.body = body;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean handlesHelp() {
    return true;
  }

  @Override
  public String summary() {
    return summary;
  }

  @Override
  public int run(String[] args, CommandContext ctx) throws Exception {
    return body.run(args, ctx);
  }

  /** True when the arguments ask for help (no Spark session is needed then). */
  public static boolean wantsHelp(String[] args) {
    return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")
        || args.length == 0;
  }
}
