package io.mlecs.jobs.doctor;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bytedeco.javacpp.Loader;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A tiny, fixed SameDiff computation that any JVM of the cluster can run: a 2-layer MLP
 * (tanh hidden layer, softmax cross-entropy on one-hot labels), its loss and the gradients of all four parameters.
 * All inputs come from a seeded {@link SplittableRandom}, so every JVM computes the same numbers; ND4J's own
 * random generator (per thread) is not used.
 */
public final class Nd4jProbe {

    static final int BATCH = 8;
    static final int IN = 4;
    static final int HIDDEN = 16;
    static final int OUT = 3;
    static final String[] PARAMS = {"w1", "b1", "w2", "b2"};

    private static final ObjectMapper JSON = new ObjectMapper();

    private Nd4jProbe() {
    }

    /** The result of one probe run. */
    public record Result(double loss, double[] signature, String checksum, long millis) {

        public ObjectNode toJson() {
            ObjectNode node = JSON.createObjectNode();
            node.put("loss", loss);
            ArrayNode sig = node.putArray("signature");
            for (double v : signature) {
                sig.add(v);
            }
            node.put("checksum", checksum);
            node.put("millis", millis);
            return node;
        }
    }

    /** Builds the MLP, computes loss and gradients. Loads ND4J's backend if this JVM has not yet. */
    public static Result run(long seed) {
        long t0 = System.nanoTime();
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] x = matrix(rnd, BATCH, IN, 1.0);
        float[][] y = new float[BATCH][OUT];
        for (int i = 0; i < BATCH; i++) {
            y[i][rnd.nextInt(OUT)] = 1f;
        }
        float[][] w1 = matrix(rnd, IN, HIDDEN, Math.sqrt(1.0 / IN));
        float[] b1 = matrix(rnd, 1, HIDDEN, 0.1)[0];
        float[][] w2 = matrix(rnd, HIDDEN, OUT, Math.sqrt(1.0 / HIDDEN));
        float[] b2 = matrix(rnd, 1, OUT, 0.1)[0];

        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("x", DataType.FLOAT, -1, IN);
        SDVariable labels = sd.placeHolder("y", DataType.FLOAT, -1, OUT);
        SDVariable vw1 = sd.var("w1", Nd4j.createFromArray(w1));
        SDVariable vb1 = sd.var("b1", Nd4j.createFromArray(b1));
        SDVariable vw2 = sd.var("w2", Nd4j.createFromArray(w2));
        SDVariable vb2 = sd.var("b2", Nd4j.createFromArray(b2));
        SDVariable hidden = sd.math().tanh(in.mmul(vw1).add(vb1));
        SDVariable logits = hidden.mmul(vw2).add(vb2);
        sd.loss().softmaxCrossEntropy("loss", labels, logits, null);
        sd.setLossVariables("loss");

        Map<String, INDArray> feed = new LinkedHashMap<>();
        feed.put("x", Nd4j.createFromArray(x));
        feed.put("y", Nd4j.createFromArray(y));
        double loss = sd.outputSingle(feed, "loss").getDouble(0);
        Map<String, INDArray> grads = sd.calculateGradients(feed, PARAMS);

        double[] signature = new double[1 + PARAMS.length];
        signature[0] = loss;
        MessageDigest sha = sha256();
        update(sha, (float) loss);
        for (int p = 0; p < PARAMS.length; p++) {
            float[] g = grads.get(PARAMS[p]).dup('c').data().asFloat();
            double sumAbs = 0;
            for (float v : g) {
                sumAbs += Math.abs(v);
                update(sha, v);
            }
            signature[p + 1] = sumAbs;
        }
        String checksum = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        return new Result(loss, signature, checksum, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Whether two signatures agree within a relative tolerance (for JVMs whose native code may differ). */
    public static boolean agree(double[] a, double[] b, double relTol) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            double scale = Math.max(1e-12, Math.max(Math.abs(a[i]), Math.abs(b[i])));
            if (!(Math.abs(a[i] - b[i]) / scale <= relTol)) {
                return false;
            }
        }
        return true;
    }

    /** Facts about this JVM's ND4J backend: loads the backend if needed. */
    public static ObjectNode environment() {
        ObjectNode node = JSON.createObjectNode();
        Properties info = Nd4j.getExecutioner().getEnvironmentInformation();
        node.put("nd4jVersion", mavenVersion(Nd4j.class, "org.nd4j", "nd4j-api"));
        node.put("backend", String.valueOf(info.getOrDefault("backend", "?")));
        node.put("backendClass", Nd4j.getBackend().getClass().getName());
        node.put("blasVendor", String.valueOf(info.getOrDefault("blas.vendor", "?")));
        node.put("threads", Nd4j.getEnvironment().maxThreads());
        node.put("masterThreads", Nd4j.getEnvironment().maxMasterThreads());
        node.put("cores", Runtime.getRuntime().availableProcessors());
        node.put("javacppCacheDir", javacppCacheDir());
        node.put("OMP_NUM_THREADS", envOrNull("OMP_NUM_THREADS"));
        node.put("OPENBLAS_NUM_THREADS", envOrNull("OPENBLAS_NUM_THREADS"));
        node.put("javaVersion", System.getProperty("java.version"));
        node.put("pid", ProcessHandle.current().pid());
        node.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        node.put("jvmName", ManagementFactory.getRuntimeMXBean().getName());
        return node;
    }

    /** Where javacpp unpacks native libraries in this JVM. */
    public static String javacppCacheDir() {
        try {
            File dir = Loader.getCacheDir();
            return dir == null ? null : dir.getPath();
        } catch (IOException e) {
            return "error: " + e.getMessage();
        }
    }

    /** A library's version from the Maven metadata its jar carries ("unknown" if absent). */
    public static String mavenVersion(Class<?> anchor, String groupId, String artifactId) {
        String path = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = anchor.getResourceAsStream(path)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }

    private static String envOrNull(String name) {
        return System.getenv(name);
    }

    private static float[][] matrix(SplittableRandom rnd, int rows, int cols, double scale) {
        float[][] m = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m[r][c] = (float) ((rnd.nextDouble() * 2 - 1) * scale);
            }
        }
        return m;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hashes a value rounded to 6 significant digits, so last-bit differences do not change the checksum. */
    private static void update(MessageDigest sha, float v) {
        sha.update(String.format(Locale.ROOT, "%.5e;", v).getBytes(StandardCharsets.US_ASCII));
    }
}
