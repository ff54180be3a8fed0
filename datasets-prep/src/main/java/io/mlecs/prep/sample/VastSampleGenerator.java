package io.mlecs.prep.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a generated VAST folder in the layout {@link io.mlecs.prep.vast.VastReader} reads:
 * {@code annotations.json} (a JSON array, one record per line: {@code clip_id}, {@code vast_cap} string,
 * {@code vision_cap} and {@code audio_cap} lists, {@code subtitle} a string, a list of segments, or absent),
 * {@code vision/{clip_id}.npy} (2-D float32, 4..8 frame rows of {@value #VISION_DIM}, npy 1.0) and
 * {@code audio/{clip_id}.npy} (1-D float64 of {@value #AUDIO_DIM}; npy 2.0 for every fifth clip, else 1.0).
 *
 * <p>Latent factors per clip: a topic and its caption words ({@link VastTopics}); caption = "a {subject}
 * {action} {place}". The vision vector is topic + subject + place embeddings plus noise, the audio vector is
 * topic + action embeddings plus noise, the subtitle is one of the topic's sayings (50 %), generic chatter
 * (40 %) or absent (10 %). So each modality knows part of the caption, noisily, and more modalities know more.
 */
public final class VastSampleGenerator {
  /** Vision feature length. */
  public static final int VISION_DIM = 48;
  /** Audio feature length. */
  public static final int AUDIO_DIM = 32;
  private static final double VISION_NOISE = 3.4;
  private static final double AUDIO_NOISE = 3.0;
  private static final List<String> CHATTER =
      List.of("yeah okay", "you know what i mean", "so anyway", "right right", "i think so too", "oh wow");
  private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

  /**
   * @param clips number of clips (>= 1)
   * @param seed the seed
   */
  public record Config(int clips, long seed) {
    public Config {
      if (clips < 1 || clips > 1_000_000) {
        throw new IllegalArgumentException("--clips must be in [1, 1000000], got " + clips);
      }
    }
  }

  private VastSampleGenerator() {}

  /** Writes into {@code dir}, which must exist. */
  public static void write(Path dir, Config c) throws IOException {
    Random rnd = new Random(c.seed());
    Embeddings e = new Embeddings(new Random(c.seed() ^ 0x5eedL));
    Path vision = Files.createDirectories(dir.resolve("vision"));
    Path audio = Files.createDirectories(dir.resolve("audio"));
    ObjectMapper json = new ObjectMapper();
    List<String> records = new ArrayList<>();
    for (int i = 0; i < c.clips(); i++) {
      int t = rnd.nextInt(VastTopics.TOPICS.size());
      VastTopics.Topic topic = VastTopics.TOPICS.get(t);
      int s = rnd.nextInt(topic.subjects().size());
      int a = rnd.nextInt(topic.actions().size());
      int p = rnd.nextInt(topic.places().size());
      String subject = topic.subjects().get(s);
      String clipId = clipId(rnd, i);
      double[] v = noisy(sum(e.visionTopic[t], e.subject(subject), scale(e.visionPlace[t][p], 0.8)), VISION_NOISE, rnd);
      int frames = 4 + rnd.nextInt(5);
      double[] rows = new double[frames * VISION_DIM];
      for (int f = 0; f < frames; f++) {
        double[] row = noisy(v, 0.5, rnd);
        System.arraycopy(row, 0, rows, f * VISION_DIM, VISION_DIM);
      }
      Files.write(vision.resolve(clipId + ".npy"), NpyWriter.bytes(1, false, new int[] {frames, VISION_DIM}, rows));
      double[] au = noisy(sum(e.audioTopic[t], e.audioAction[t][a]), AUDIO_NOISE, rnd);
      Files.write(audio.resolve(clipId + ".npy"), NpyWriter.bytes(i % 5 == 4 ? 2 : 1, true, new int[] {AUDIO_DIM}, au));

      ObjectNode r = json.createObjectNode();
      r.put("clip_id", clipId);
      r.put("vast_cap", "a " + subject + " " + topic.actions().get(a) + " " + topic.places().get(p));
      r.putArray("vision_cap").add("a " + subject + " " + topic.places().get(p)).add("a video of a " + subject);
      String sound = topic.sounds().get(rnd.nextInt(topic.sounds().size()));
      r.putArray("audio_cap").add(sound).add(sound + " can be heard");
      double u = rnd.nextDouble();
      if (u < 0.5) {
        String saying = topic.sayings().get(rnd.nextInt(topic.sayings().size()));
        if (rnd.nextBoolean()) {
          r.putArray("subtitle").add(saying).add(CHATTER.get(rnd.nextInt(CHATTER.size())));
        } else {
          r.put("subtitle", saying);
        }
      } else if (u < 0.9) {
        r.put("subtitle", CHATTER.get(rnd.nextInt(CHATTER.size())));
      }
      records.add(json.writeValueAsString(r));
    }
    String text = "[\n" + String.join(",\n", records) + "\n]\n";
    Files.write(dir.resolve("annotations.json"), text.getBytes(StandardCharsets.UTF_8));
  }

  private static String clipId(Random rnd, int index) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < 11; k++) {
      b.append(ID_CHARS.charAt(rnd.nextInt(ID_CHARS.length())));
    }
    if (b.charAt(0) == '-') {
      b.setCharAt(0, 'x');
    }
    return b.append('_').append(index).toString();
  }

  private static double[] noisy(double[] v, double totalNoise, Random rnd) {
    double per = totalNoise / Math.sqrt(v.length);
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] + per * rnd.nextGaussian();
    }
    return out;
  }

  private static double[] sum(double[]... parts) {
    double[] out = new double[parts[0].length];
    for (double[] p : parts) {
      for (int i = 0; i < out.length; i++) {
        out[i] += p[i];
      }
    }
    return out;
  }

  private static double[] scale(double[] v, double k) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * k;
    }
    return out;
  }

  /** Random unit-norm embeddings of topics and words, from their own seeded stream. */
  private static final class Embeddings {
    final double[][] visionTopic;
    final double[][][] visionPlace;
    final double[][] audioTopic;
    final double[][][] audioAction;
    private final java.util.Map<String, double[]> subjects = new java.util.TreeMap<>();

    Embeddings(Random r) {
      int n = VastTopics.TOPICS.size();
      visionTopic = new double[n][];
      visionPlace = new double[n][][];
      audioTopic = new double[n][];
      audioAction = new double[n][][];
      for (int t = 0; t < n; t++) {
        VastTopics.Topic topic = VastTopics.TOPICS.get(t);
        visionTopic[t] = unit(VISION_DIM, r);
        audioTopic[t] = unit(AUDIO_DIM, r);
        visionPlace[t] = new double[topic.places().size()][];
        for (int p = 0; p < visionPlace[t].length; p++) {
          visionPlace[t][p] = unit(VISION_DIM, r);
        }
        audioAction[t] = new double[topic.actions().size()][];
        for (int a = 0; a < audioAction[t].length; a++) {
          audioAction[t][a] = unit(AUDIO_DIM, r);
        }
        for (String s : topic.subjects()) {
          subjects.computeIfAbsent(s, k -> scale(unit(VISION_DIM, r), 0.8));
        }
      }
    }

    double[] subject(String s) {
      return subjects.get(s);
    }

    private static double[] unit(int dim, Random r) {
      double[] v = new double[dim];
      double norm = 0;
      for (int i = 0; i < dim; i++) {
        v[i] = r.nextGaussian();
        norm += v[i] * v[i];
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < dim; i++) {
        v[i] /= norm;
      }
      return v;
    }
  }
}
