package io.mlecs.prep.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** SHA-256 digests of source files and folders, recorded in the manifest's {@code sources}. */
public final class SourceDigests {
  private SourceDigests() {}

  /** Digest of one file; {@code relative} is how it is named in the manifest. */
  public static SourceFile file(Path file, String relative) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = sha256();
      byte[] buf = new byte[1 << 16];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
        total += n;
      }
      return new SourceFile(relative, HexFormat.of().formatHex(md.digest()), total, 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + relative, e);
    }
  }

  /**
   * Tree digest of some files of one folder: SHA-256 over {@code name \0 sha256 \n} lines sorted by name.
   *
   * @param folderRelative the folder's manifest name (a {@code /} is appended)
   * @param files file name (inside the folder) to path
   */
  public static SourceFile folder(String folderRelative, Map<String, Path> files) {
    MessageDigest md = sha256();
    long total = 0;
    for (Map.Entry<String, Path> e : new TreeMap<>(files).entrySet()) {
      SourceFile one = file(e.getValue(), e.getKey());
      md.update((e.getKey() + '\0' + one.sha256() + '\n').getBytes(StandardCharsets.UTF_8));
      total += one.bytes();
    }
    String name = folderRelative.endsWith("/") ? folderRelative : folderRelative + "/";
    return new SourceFile(name, HexFormat.of().formatHex(md.digest()), total, files.size());
  }

  /** Sorted copy by path, so the manifest lists sources in a stable order. */
  public static List<SourceFile> sorted(List<SourceFile> sources) {
    List<SourceFile> copy = new ArrayList<>(sources);
    copy.sort((a, b) -> a.path().compareTo(b.path()));
    return copy;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
