package io.mlecs.prep.urfall;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a sequence's side files: first {@code {input}/{name}}, then {@code {input}/{seq}/{name}}. Also names
 * them relative to the input folder for the manifest and messages.
 */
final class SequenceFiles {
  private final Path input;

  SequenceFiles(Path input) {
    this.input = input;
  }

  Optional<Path> file(String sequence, String name) {
    for (Path p : new Path[] {input.resolve(name), input.resolve(sequence).resolve(name)}) {
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  Optional<Path> folder(String sequence, String name) {
    for (Path p : new Path[] {input.resolve(name), input.resolve(sequence).resolve(name)}) {
      if (Files.isDirectory(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  String relative(Path p) {
    return input.relativize(p).toString().replace('\\', '/');
  }

  static String dataCsv(String sequence) {
    return sequence + "-data.csv";
  }

  static String accCsv(String sequence) {
    return sequence + "-acc.csv";
  }

  static String rgbName(String sequence) {
    return sequence + "-cam0-rgb";
  }
}
