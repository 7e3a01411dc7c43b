package org.cptbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** Small hand-written JMH JSON result files (the JMH 1.37 {@code -rf json} layout, fields trimmed). */
public final class JmhFixtures {
  private JmhFixtures() {}

  /** One result entry. {@code error} is a JSON value: a number or {@code "NaN"} (quoted, as JMH writes it). */
  public static String entry(
      String benchmark, String mode, String paramsJson, String score, String error, String unit) {
    return """
          {
              "jmhVersion" : "1.37",
              "benchmark" : "%s",
              "mode" : "%s",
              "threads" : 1,
              "forks" : 1,
              "jvm" : "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java",
              "jvmArgs" : [ "-Xmx12g", "--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g" ],
              "jdkVersion" : "25.0.3",
              "vmName" : "OpenJDK 64-Bit Server VM",
              "vmVersion" : "25.0.3+9-LTS",
              "params" : %s,
              "primaryMetric" : {
                  "score" : %s,
                  "scoreError" : %s,
                  "scoreConfidence" : [ 0, 0 ],
                  "scoreUnit" : "%s",
                  "rawData" : [ [ 1.0 ] ]
              },
              "secondaryMetrics" : { }
          }"""
        .formatted(benchmark, mode, paramsJson, score, error, unit);
  }

  /** Exact search, 20,000 x 256 docs, 1000 queries: 2.5 +- 0.25 ops/s. */
  public static String exactSearch(String docs, String score) {
    return entry(
        "org.cptbench.bench.ExactSearchBenchmark.search",
        "thrpt",
        "{ \"docs\" : \"" + docs + "\", \"dim\" : \"256\", \"queries\" : \"1000\", \"k\" : \"100\","
            + " \"threads\" : \"2\" }",
        score,
        "0.25",
        "ops/s");
  }

  /** A training step of the tiny preset at batch 128: 500 ms/op. */
  public static final String TRAIN_STEP =
      entry(
          "org.cptbench.bench.TrainStepBenchmark.step",
          "avgt",
          "{ \"preset\" : \"tiny\", \"batch\" : \"128\", \"chunk\" : \"0\" }",
          "500.0",
          "12.5",
          "ms/op");

  /** A probe fit with one iteration: score error "NaN". */
  public static final String PROBE =
      entry(
          "org.cptbench.bench.LinearProbeBenchmark.fit",
          "avgt",
          "{ \"classes\" : \"2\", \"rows\" : \"10000\", \"dim\" : \"256\", \"c\" : \"1.0\" }",
          "132.5",
          "\"NaN\"",
          "ms/op");

  /** Writes {@code [entries]} to {@code file} and sets its modification time (= the rows' recording time). */
  public static Path write(Path file, Instant modified, String... entries) throws IOException {
    Files.writeString(file, "[\n" + String.join(",\n", entries) + "\n]\n");
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }
}
