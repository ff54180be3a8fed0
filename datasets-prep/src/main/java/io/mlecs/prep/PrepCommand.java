package io.mlecs.prep;

import io.mlecs.prep.source.BadInputException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.spark.sql.SparkSession;

/**
 * {@code prep urfall|vast [options]}: the command-line entry of dataset preparation. Exit codes: 0 ok, 1 I/O or
 * internal failure, 2 bad usage or bad input (the message names the option or the file, line and value).
 */
public final class PrepCommand {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int BAD_USAGE = 2;

  private PrepCommand() {}

  /**
   * @param args the arguments after the word {@code prep}
   * @param spark the session that writes Parquet (not used for help or usage errors; may then be null)
   */
  public static int run(String[] args, SparkSession spark, PrintStream out, PrintStream err) {
    if (args.length == 0 || isHelp(args[0])) {
      (args.length == 0 ? err : out).print(PrepHelp.general());
      return args.length == 0 ? BAD_USAGE : OK;
    }
    DatasetKind kind;
    try {
      kind = DatasetKind.parse(args[0]);
    } catch (IllegalArgumentException e) {
      err.println("prep: " + e.getMessage());
      err.print(PrepHelp.general());
      return BAD_USAGE;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    if (Arrays.stream(rest).anyMatch(PrepCommand::isHelp)) {
      out.print(PrepHelp.forDataset(kind));
      return OK;
    }
    PrepOptions options;
    try {
      options = PrepOptionsParser.parse(kind, rest);
    } catch (IllegalArgumentException e) {
      err.println("prep " + kind.wireName() + ": " + e.getMessage());
      err.println("Run 'prep " + kind.wireName() + " --help' for the options.");
      return BAD_USAGE;
    }
    if (spark == null) {
      throw new IllegalStateException("prep needs a SparkSession to write Parquet");
    }
    try {
      out.println(PrepPipeline.run(options, spark).describe());
      return OK;
    } catch (BadInputException e) {
      err.println("prep " + kind.wireName() + ": bad input: " + e.getMessage());
      return BAD_USAGE;
    } catch (IllegalArgumentException e) { // e.g. an existing output, more devices than private units
      err.println("prep " + kind.wireName() + ": " + e.getMessage());
      return BAD_USAGE;
    } catch (UncheckedIOException e) {
      err.println("prep " + kind.wireName() + ": failed: " + e.getMessage() + ": " + e.getCause().getMessage());
      return FAILED;
    } catch (Exception e) { // Spark job failures arrive as undeclared checked exceptions
      err.println("prep " + kind.wireName() + ": failed: " + e);
      e.printStackTrace(err);
      return FAILED;
    }
  }

  static boolean isHelp(String a) {
    return a.equals("--help") || a.equals("-h") || a.equals("help");
  }
}
