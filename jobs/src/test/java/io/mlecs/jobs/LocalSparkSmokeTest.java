package io.mlecs.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor} on Spark local[2] in this JVM: the CLI, the SparkSession plumbing and the ND4J probe in tasks. */
class LocalSparkSmokeTest {

    @Test
    void doctorOnLocalSpark(@TempDir Path tmp) throws Exception {
        Path report = tmp.resolve("doctor.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(new String[] {"--master", "local[2]", "doctor", "--partitions", "3", "--output", report.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String errText = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, errText);

        ObjectMapper json = new ObjectMapper();
        JsonNode doc = json.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(doc, json.readTree(Files.readString(report)), "--output differs from stdout");
        assertTrue(doc.path("ok").asBoolean(), doc.toPrettyString());
        assertEquals("local[2]", doc.path("spark").path("master").asText());
        assertEquals("3.5.7", doc.path("spark").path("version").asText());
        assertEquals("1.0.0-M2.1", doc.path("nd4j").path("version").asText());
        assertEquals("CPU", doc.path("nd4j").path("backend").asText());
        assertTrue(doc.path("nd4j").path("threads").asInt() >= 1);
        assertTrue(doc.path("nd4j").path("javacppCacheDir").asText().contains("javacpp-cache"),
                "surefire's javacpp cachedir not used: " + doc.path("nd4j"));

        JsonNode tasks = doc.path("tasks");
        assertEquals(3, tasks.size());
        String checksum = doc.path("driver").path("checksum").asText();
        assertEquals(16, checksum.length());
        for (JsonNode t : tasks) {
            assertEquals("driver", t.path("executorId").asText());
            assertEquals(checksum, t.path("checksum").asText());
            assertEquals("CPU", t.path("backend").asText());
        }
        assertTrue(doc.path("summary").path("agree").asBoolean());
    }
}
