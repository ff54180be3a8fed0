package io.mlecs.jobs.sweep;

import com.typesafe.config.ConfigRenderOptions;
import io.mlecs.core.engine.Method;
import io.mlecs.jobs.train.TrainSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Pretrained backbones shared between cells. Pretraining (tokenizer from the public text, device
 * and server backbones trained on it) depends on the data, the seed, the model and training keys
 * and the instruction prompt, not on the method otherwise; a run directory keeps its result under
 * {@code model/} and {@code TrainRun} loads it from there instead of pretraining when present
 * (the same path a resumed run takes). So the first cell of a key stores its {@code model/} files
 * under {@code <dir>/pretrained/<key>/}, and later cells with that key start with a copy: the
 * same tensors they would have pretrained, minutes less per cell on a small machine.
 */
final class PretrainedCache {
  static final List<String> FILES = List.of("device-base.tensors", "server-base.tensors",
      "vocabulary.txt");
  private final Path root;
  private final String data;
  private final PrintStream log;

  PretrainedCache(Path sweepDir, String data, PrintStream log) {
    this.root = sweepDir.resolve("pretrained");
    this.data = data;
    this.log = log;
  }

  /**
   * The key: every training key but the run's directory, method and length, plus the prompt and
   * {@code data}, the description of the public data. For prepared data that is the raw input and
   * the prep options without MER and N ({@code data.path} is left out): prep picks the public
   * share from the seeded shuffle before any device is drawn and keeps every modality in it, so
   * the public rows are the same at every MER and N. Synthetic data keeps MER and N in the key.
   */
  static String key(TrainSettings ts, String data) {
    String text = ts.config().withoutPath("run.dir").withoutPath("run.method")
        .withoutPath("run.rounds").withoutPath("run.keep-device-states")
        .withoutPath("data.path").root().render(ConfigRenderOptions.concise())
        + "|agnostic-prompt=" + Method.byName(ts.string("run.method")).modalityAgnosticPrompt()
        + "|data=" + data;
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(
          StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A model folder is complete once its vocabulary is there (it is written last). */
  private static boolean hasBackbones(Path modelDir) {
    return Files.isRegularFile(modelDir.resolve("vocabulary.txt"));
  }

  /** Before a cell starts: copies the cached backbones into its model/ when it has none. */
  void seed(TrainSettings ts, Path cellDir) {
    Path from = root.resolve(key(ts, data));
    Path to = cellDir.resolve("model");
    if (hasBackbones(to) || !hasBackbones(from)) {
      return;
    }
    copy(from, to);
    log.println("sweep: reused pretrained backbones " + from);
  }

  /** After a cell: stores its backbones under its key if that key has none yet. */
  void keep(TrainSettings ts, Path cellDir) {
    Path to = root.resolve(key(ts, data));
    Path from = cellDir.resolve("model");
    if (hasBackbones(to) || !hasBackbones(from)) {
      return;
    }
    Path tmp = root.resolve(key(ts, data) + ".tmp");
    copy(from, tmp);
    try {
      Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + tmp + " to " + to, e);
    }
  }

  private static void copy(Path from, Path to) {
    try {
      Files.createDirectories(to);
      for (String f : FILES) {
        // vocabulary last: its presence marks a complete model/ folder
        Files.copy(from.resolve(f), to.resolve(f), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy pretrained backbones " + from + " to " + to, e);
    }
  }
}
