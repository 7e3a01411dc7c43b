package org.cptbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cptbench.config.SuiteSpec;
import org.cptbench.report.Verdicts;
import org.cptbench.train.TrainLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell whose training collapsed or diverged gets a WARN row in verdicts.csv (task training, metric collapsed or
 * diverged, value the first such step); a healthy cell and a cell whose log predates the health column get none.
 */
class TrainingHealthVerdictTest {
  @TempDir Path run;

  private void log(String cell, String... rows) throws IOException {
    Path dir = Files.createDirectories(run.resolve("cells").resolve(cell));
    Files.writeString(dir.resolve("train-log.csv"), TrainLog.HEADER + "\n" + String.join("\n", rows) + "\n");
  }

  private void result(StringBuilder csv, String cell) {
    csv.append(cell).append(",tiny,causal,eos,learned(0.07),8,6,7,fp32,random,6,sts/STSBenchmark,sts,spearman,")
        .append("0.5,Spearman\n");
  }

  @Test
  void collapsedAndDivergedCellsGetAWarnVerdict() throws IOException {
    StringBuilder csv = new StringBuilder(String.join(",", ResultsTable.HEADER)).append('\n');
    for (String cell : List.of("healthy", "collapsed", "legacy")) {
      result(csv, cell);
    }
    Files.writeString(run.resolve("results.csv"), csv.toString());
    Files.writeString(run.resolve("failures.csv"), "cell,error\ndiverged,\"TrainingDiverged: loss is NaN\"\n");
    log("healthy", "1,2.0,2.6,14.3,1e-4,100.0,0.25,1.0,ok", "2,1.9,2.6,14.3,1e-4,100.0,0.30,1.0,ok");
    log("collapsed", "1,2.0,2.6,14.3,1e-4,100.0,0.25,1.0,ok", "2,2.079442,-1.4,0.24,1e-4,100.0,0.125,0.0,collapsed",
        "3,2.079442,-1.4,0.24,1e-4,100.0,0.125,0.0,collapsed");
    log("diverged", "1,2.0,2.6,14.3,1e-4,100.0,0.25,1.0,ok", "2,NaN,2.6,14.3,1e-4,100.0,0.0,NaN,diverged");
    Path legacy = Files.createDirectories(run.resolve("cells/legacy"));
    Files.writeString(legacy.resolve("train-log.csv"), TrainLog.LEGACY_HEADER + "\n1,2.0,2.6,14.3,1e-4,1.0,0.2,1.0\n");
    SuiteSpec suite = SuiteSpec.parse("""
        name: toy
        tasks: [sts/STSBenchmark]
        expect:
          - {task: sts/STSBenchmark, metric: spearman, min: 0.0, max: 1.0}
        """, "toy.yaml");

    assertEquals(0, Expectations.write(run, suite), "a WARN is not a FAIL");

    List<String> verdicts = Files.readAllLines(run.resolve(Verdicts.FILE));
    assertTrue(verdicts.contains("collapsed,training,collapsed,2,,,WARN"), String.join("\n", verdicts));
    assertTrue(verdicts.contains("diverged,training,diverged,2,,,WARN"), String.join("\n", verdicts));
    assertEquals(2, verdicts.stream().filter(v -> v.endsWith(",WARN")).count(), String.join("\n", verdicts));
    assertEquals(2L, Expectations.counts(run).get("WARN"));
    assertEquals(List.of("collapsed training collapsed at step 2", "diverged training diverged at step 2"),
        Expectations.warnings(run));
    Verdicts read = Verdicts.readIfPresent(run);
    assertEquals(2, read.counts().get("WARN"));
    assertEquals(3, read.counts().get("OK"));
  }
}
