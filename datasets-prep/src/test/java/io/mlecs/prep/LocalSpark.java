package io.mlecs.prep;

import org.apache.spark.sql.SparkSession;

/** One local[2] SparkSession per test class: create in @BeforeAll, stop in @AfterAll. */
public final class LocalSpark {
  private LocalSpark() {}

  public static SparkSession start() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("datasets-prep-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
  }
}
