package io.mlecs.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** How the SparkConf is completed, without starting Spark. */
class CommandContextTest {

    private static SparkConf conf(SparkConf base, CommandContext.Options options) {
        return CommandContext.sparkConf(base, options, "doctor");
    }

    @Test
    void defaultsToLocalWithoutUi() {
        SparkConf c = conf(new SparkConf(false), new CommandContext.Options());
        assertEquals("local[*]", c.get("spark.master"));
        assertEquals("false", c.get("spark.ui.enabled"));
        assertEquals("mlecs doctor", c.get("spark.app.name"));
        assertEquals(Integer.toString(Runtime.getRuntime().availableProcessors()), c.get("spark.sql.shuffle.partitions"));
        assertEquals("1", c.get("spark.executorEnv.OMP_NUM_THREADS"));
    }

    @Test
    void submitMasterWinsOverDefaultButNotOverExplicitOption() {
        SparkConf submitted = new SparkConf(false).setMaster("yarn").set("spark.app.name", "from-submit");
        SparkConf c = conf(submitted, new CommandContext.Options());
        assertEquals("yarn", c.get("spark.master"));
        assertEquals("from-submit", c.get("spark.app.name"));
        assertFalse(c.contains("spark.sql.shuffle.partitions"), "cluster runs keep Spark's/the user's setting");
        assertFalse(c.contains("spark.jars"), "spark-submit ships the jar itself");

        SparkConf explicit = conf(submitted, new CommandContext.Options().master("local[2]"));
        assertEquals("local[2]", explicit.get("spark.master"));
        assertEquals("2", explicit.get("spark.sql.shuffle.partitions"));
    }

    @Test
    void userSettingsAreKept() {
        SparkConf c = conf(new SparkConf(false), new CommandContext.Options().master("local[4]")
                .conf("spark.sql.shuffle.partitions", "7").conf("spark.executorEnv.OMP_NUM_THREADS", "2").ui(true));
        assertEquals("7", c.get("spark.sql.shuffle.partitions"));
        assertEquals("2", c.get("spark.executorEnv.OMP_NUM_THREADS"));
        assertEquals("true", c.get("spark.ui.enabled"));
    }

    @Test
    void localCores() {
        assertEquals(1, CommandContext.localCores("local"));
        assertEquals(3, CommandContext.localCores("local[3]"));
        assertEquals(4, CommandContext.localCores("local[4,2]"));
        assertEquals(Runtime.getRuntime().availableProcessors(), CommandContext.localCores("local[*]"));
        assertFalse(CommandContext.isLocal("spark://127.0.0.1:7077"));
        assertFalse(CommandContext.isLocal("local-cluster[2,1,1024]"));
    }

    @Test
    void clusterExecutorsSkipJavacppsResidentMemoryCheckUnlessTheUserSetIt() {
        SparkConf plain = conf(new SparkConf(false), new CommandContext.Options().master("spark://h:7077"));
        assertEquals("-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", plain.get("spark.executor.extraJavaOptions"));
        SparkConf added = conf(new SparkConf(false).set("spark.executor.extraJavaOptions", " -Dx=1 "),
                new CommandContext.Options().master("yarn"));
        assertEquals("-Dx=1 -Dorg.bytedeco.javacpp.maxPhysicalBytes=0", added.get("spark.executor.extraJavaOptions"));
        SparkConf own = conf(new SparkConf(false).set("spark.executor.extraJavaOptions",
                "-Dorg.bytedeco.javacpp.maxPhysicalBytes=8G"), new CommandContext.Options().master("yarn"));
        assertEquals("-Dorg.bytedeco.javacpp.maxPhysicalBytes=8G", own.get("spark.executor.extraJavaOptions"));
        assertFalse(conf(new SparkConf(false), new CommandContext.Options()).contains(
                "spark.executor.extraJavaOptions"), "local mode: the launcher's JVM flag applies");
    }
}
