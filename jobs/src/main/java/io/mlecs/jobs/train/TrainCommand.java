package io.mlecs.jobs.train;

import io.mlecs.jobs.cli.Command;
import io.mlecs.jobs.cli.CommandContext;
import io.mlecs.jobs.cli.UsageException;
import io.mlecs.jobs.io.HadoopFileSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code mlecs train --config FILE} or {@code mlecs train --resume RUN_DIR}. */
public final class TrainCommand implements Command {
  @Override
  public String name() {
    return "train";
  }

  @Override
  public String summary() {
    return "train a method for T rounds on Spark (train --config FILE | --resume RUN_DIR)";
  }

  @Override
  public String usage() {
    return "Usage: mlecs train --config FILE\n"
        + "       mlecs train --resume RUN_DIR\n\n"
        + "  --config FILE    HOCON settings over the defaults (every key: the resource\n"
        + "                   mlecs-defaults.conf; examples under conf/). Unknown keys are errors.\n"
        + "  --resume RUN_DIR continue a stopped run from its last checkpoint with the settings\n"
        + "                   saved in RUN_DIR/run.conf\n";
  }

  @Override
  public int run(String[] args, CommandContext ctx) throws IOException {
    if (args.length != 2 || !(args[0].equals("--config") || args[0].equals("--resume"))) {
      throw new UsageException("train needs --config FILE or --resume RUN_DIR\n\n" + usage());
    }
    TrainSettings settings;
    boolean resume = args[0].equals("--resume");
    if (resume) {
      HadoopFileSink dir = new HadoopFileSink(args[1]);
      byte[] conf = dir.read("run.conf").orElseThrow(() -> new IllegalArgumentException(
          "--resume: " + dir.describe("run.conf") + " does not exist (not a run directory)"));
      settings = TrainSettings.parse(new String(conf, StandardCharsets.UTF_8),
          dir.describe("run.conf"));
    } else {
      settings = TrainSettings.parse(readConfig(args[1]), args[1]);
    }
    TrainRun.execute(settings, ctx.spark(), ctx.out(), resume);
    return 0;
  }

  /** A local file, or any Hadoop FileSystem URI (hdfs://, dbfs:/, s3a://). */
  static String readConfig(String location) throws IOException {
    if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !location.startsWith("file:")) {
      int slash = location.lastIndexOf('/');
      HadoopFileSink dir = new HadoopFileSink(location.substring(0, slash));
      byte[] b = dir.read(location.substring(slash + 1)).orElseThrow(() ->
          new IllegalArgumentException("--config: file " + location + " does not exist"));
      return new String(b, StandardCharsets.UTF_8);
    }
    Path file = Path.of(location.startsWith("file:") ? java.net.URI.create(location).getPath()
        : location);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--config: file " + file + " does not exist");
    }
    return Files.readString(file);
  }
}
