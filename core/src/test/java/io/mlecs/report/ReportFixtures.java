package io.mlecs.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes small, deterministic run and sweep directories in the report's input format. Metric values
 * follow closed formulas so that tests can recompute what the tables must show.
 */
public final class ReportFixtures {

  /** Methods of the sweep fixture, in results.csv order. */
  public static final List<String> METHODS =
      List.of("standalone", "multi-fedavg", "ml-ecs", "ml-ecs-wo-mma", "ml-ecs-wo-se-ccl");
  /** MERs of the sweep fixture. */
  public static final List<String> MERS = List.of("0.5", "0.8");
  /** Device counts of the sweep fixture. */
  public static final List<Integer> NS = List.of(3, 5);
  /** Seeds of the sweep fixture. */
  public static final List<Integer> SEEDS = List.of(1, 2);
  /** Rounds of the sweep fixture. */
  public static final int SWEEP_ROUNDS = 3;

  private ReportFixtures() {}

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }

  /**
   * The sweep fixture's rougeLsum of one device (or the server, device -1).
   *
   * @param methodIndex index into {@link #METHODS}
   * @param mer the MER
   * @param n the device count
   * @param seed the seed
   * @param round the round
   * @param device the device, -1 for the server
   * @return the value
   */
  public static double sweepRouge(int methodIndex, String mer, int n, int seed, int round, int device) {
    double base = 0.20 + 0.02 * methodIndex + 0.05 * Double.parseDouble(mer) - 0.001 * n;
    return base + 0.01 * round + (device < 0 ? 0.03 : 0.001 * device) + 0.002 * seed;
  }

  /**
   * Writes a run directory.
   *
   * @param dir the directory (created)
   * @param devices the number of devices
   * @param rounds the number of rounds
   * @return the directory
   * @throws IOException on write failure
   */
  public static Path run(Path dir, int devices, int rounds) throws IOException {
    Files.createDirectories(dir.resolve("metrics"));
    Files.writeString(dir.resolve("run-manifest.json"), String.join("\n",
        "{",
        "  \"run_id\": \"fixture-run\", \"method\": \"ml-ecs\", \"dataset\": \"vast\", \"seed\": 7,",
        "  \"rounds\": " + rounds + ", \"num_devices\": " + devices + ",",
        "  \"device_model_params\": 2000000, \"device_lora_params\": 13000,",
        "  \"config\": {\"lr\": 0.001, \"lora.rank\": 8, \"mer\": 0.5, \"note\": \"a<b & c\", \"cuda\": false},",
        "  \"versions\": {\"java\": \"17\", \"mlecs\": \"0.1.0-SNAPSHOT\"}",
        "}"), StandardCharsets.UTF_8);
    StringBuilder m = new StringBuilder("round,device,split,metric,value\n");
    for (int r = 1; r <= rounds; r++) {
      for (int d = -1; d < devices; d++) {
        String dev = d < 0 ? "server" : Integer.toString(d);
        double loss = 3.0 / (r + 0.5 * (d + 2)) + 0.1;
        m.append(r).append(',').append(dev).append(",test,loss,").append(f(loss)).append('\n');
        m.append(r).append(',').append(dev).append(",test,rougeLsum,").append(f(0.1 + 0.04 * r + 0.01 * d)).append('\n');
        m.append(r).append(',').append(dev).append(",test,bertscore_f1,").append(f(0.6 + 0.02 * r - 0.005 * d)).append('\n');
        if (d >= 0) {
          m.append(r).append(',').append(dev).append(",train,loss,").append(f(loss * 0.9)).append('\n');
          m.append(r).append(',').append(dev).append(",train,ccl_loss,").append(f(loss * 0.5)).append('\n');
        }
      }
    }
    Files.writeString(dir.resolve("metrics/metrics.csv"), m.toString());
    StringBuilder b = new StringBuilder("round,direction,payload,bytes\n");
    StringBuilder t = new StringBuilder("round,seconds\n");
    for (int r = 1; r <= rounds; r++) {
      b.append(r).append(",up,lora,52000\n").append(r).append(",up,count,8\n")
          .append(r).append(",down,lora,52000\n").append(r).append(",down,fused,").append(1024 * 64 + r).append('\n');
      t.append(r).append(',').append(f(10 + r)).append('\n');
    }
    Files.writeString(dir.resolve("metrics/bytes.csv"), b.toString());
    Files.writeString(dir.resolve("metrics/rounds.csv"), t.toString());
    return dir;
  }

  /**
   * Writes a sweep directory (results.csv, bytes.csv, device_params.csv).
   *
   * @param dir the directory (created)
   * @param methods the methods to include
   * @return the directory
   * @throws IOException on write failure
   */
  public static Path sweep(Path dir, List<String> methods) throws IOException {
    Files.createDirectories(dir);
    StringBuilder res = new StringBuilder("method,mer,num_devices,seed,round,device,split,metric,value\n");
    StringBuilder bytes = new StringBuilder("method,mer,num_devices,seed,round,direction,payload,bytes\n");
    StringBuilder params = new StringBuilder("method,num_devices,device_model_params\n");
    for (String method : methods) {
      int mi = METHODS.indexOf(method);
      for (int n : NS) {
        params.append(method).append(',').append(n).append(",2000000\n");
        for (String mer : MERS) {
          for (int seed : SEEDS) {
            for (int r = 1; r <= SWEEP_ROUNDS; r++) {
              for (int d = -1; d < n; d++) {
                String dev = d < 0 ? "server" : Integer.toString(d);
                String prefix = method + "," + mer + "," + n + "," + seed + "," + r + "," + dev;
                res.append(prefix).append(",test,rougeLsum,").append(f(sweepRouge(mi, mer, n, seed, r, d))).append('\n');
                res.append(prefix).append(",test,loss,").append(f(2.0 / r + 0.1 * mi)).append('\n');
              }
              long lora = method.equals("multi-fedavg") ? 800_000 : 52_000;
              bytes.append(method).append(',').append(mer).append(',').append(n).append(',').append(seed).append(',')
                  .append(r).append(",up,lora,").append(lora).append('\n');
              bytes.append(method).append(',').append(mer).append(',').append(n).append(',').append(seed).append(',')
                  .append(r).append(",down,lora,").append(lora).append('\n');
            }
          }
        }
      }
    }
    Files.writeString(dir.resolve("results.csv"), res.toString());
    Files.writeString(dir.resolve("bytes.csv"), bytes.toString());
    Files.writeString(dir.resolve("device_params.csv"), params.toString());
    return dir;
  }
}
