package io.mlecs.prep.urfall;

import io.mlecs.prep.source.BadInputException;
import io.mlecs.prep.source.SourceDigests;
import io.mlecs.prep.source.SourceFile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The RGB frames of one sequence, from a folder {@code {seq}-cam0-rgb/} (preferred when both exist) or an
 * archive {@code {seq}-cam0-rgb.zip} (entries at any depth). Frames are files named
 * {@code {seq}-cam0-rgb-{n}.png|jpg|jpeg} (the real dataset writes n with 3 digits); other files are ignored.
 */
final class RgbFrames implements Closeable {
  private final String relative;
  private final Map<Integer, String> entryByFrame;
  private final Path folder;
  private final ZipFile zip;
  private final SourceFile digest;

  private RgbFrames(String relative, Map<Integer, String> entryByFrame, Path folder, ZipFile zip, SourceFile digest) {
    this.relative = relative;
    this.entryByFrame = entryByFrame;
    this.folder = folder;
    this.zip = zip;
    this.digest = digest;
  }

  static Optional<RgbFrames> open(SequenceFiles files, String sequence) {
    String name = SequenceFiles.rgbName(sequence);
    Pattern frameName =
        Pattern.compile(Pattern.quote(name) + "-(\\d{1,9})\\.(png|jpe?g)", Pattern.CASE_INSENSITIVE);
    Optional<Path> dir = files.folder(sequence, name);
    if (dir.isPresent()) {
      return Optional.of(fromFolder(files, dir.get(), frameName));
    }
    Optional<Path> archive = files.file(sequence, name + ".zip");
    return archive.map(p -> fromZip(files, p, frameName));
  }

  private static RgbFrames fromFolder(SequenceFiles files, Path dir, Pattern frameName) {
    String rel = files.relative(dir);
    Map<Integer, String> byFrame = new HashMap<>();
    Map<String, Path> digested = new HashMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : (Iterable<Path>) list.sorted()::iterator) {
        String file = p.getFileName().toString();
        Matcher m = frameName.matcher(file);
        if (Files.isRegularFile(p) && m.matches()) {
          index(byFrame, Integer.parseInt(m.group(1)), file, rel);
          digested.put(file, p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + rel, e);
    }
    return new RgbFrames(rel, byFrame, dir, null, SourceDigests.folder(rel, digested));
  }

  private static RgbFrames fromZip(SequenceFiles files, Path archive, Pattern frameName) {
    String rel = files.relative(archive);
    ZipFile zip;
    try {
      zip = new ZipFile(archive.toFile());
    } catch (IOException e) {
      throw new BadInputException(rel, "not a readable zip archive (" + e.getMessage() + ")", e);
    }
    Map<Integer, String> byFrame = new HashMap<>();
    for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
      String base = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
      Matcher m = frameName.matcher(base);
      if (!entry.isDirectory() && m.matches()) {
        index(byFrame, Integer.parseInt(m.group(1)), entry.getName(), rel);
      }
    }
    return new RgbFrames(rel, byFrame, null, zip, SourceDigests.file(archive, rel));
  }

  private static void index(Map<Integer, String> byFrame, int frame, String entry, String rel) {
    String previous = byFrame.put(frame, entry);
    if (previous != null) {
      throw new BadInputException(
          rel, "two images for frame " + frame + ": '" + previous + "' and '" + entry + "'");
    }
  }

  boolean has(int frame) {
    return entryByFrame.containsKey(frame);
  }

  int size() {
    return entryByFrame.size();
  }

  SourceFile digest() {
    return digest;
  }

  /** Where the frame's image lives, e.g. {@code fall-01-cam0-rgb.zip!fall-01-cam0-rgb-001.png}. */
  String location(int frame) {
    return zip != null ? relative + "!" + entryByFrame.get(frame) : relative + "/" + entryByFrame.get(frame);
  }

  /** Decodes the frame; an unreadable image is a {@link BadInputException} naming it. */
  BufferedImage image(int frame) {
    String entry = entryByFrame.get(frame);
    try {
      byte[] bytes;
      if (zip != null) {
        try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
          bytes = in.readAllBytes();
        }
      } else {
        bytes = Files.readAllBytes(folder.resolve(entry));
      }
      BufferedImage img;
      try {
        img = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
      } catch (IOException | RuntimeException e) {
        throw new BadInputException(location(frame), "corrupt image (" + e + ")", e);
      }
      if (img == null) {
        throw new BadInputException(location(frame), "not a decodable PNG/JPEG image (" + bytes.length + " bytes)");
      }
      return img;
    } catch (IOException e) {
      throw new BadInputException(location(frame), "unreadable image (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public void close() {
    if (zip != null) {
      try {
        zip.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
