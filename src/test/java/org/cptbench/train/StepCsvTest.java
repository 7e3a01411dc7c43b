package org.cptbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepCsvTest {
  @Test
  void aResumedLogKeepsTheFinishedStepsDropsLaterOnesAndPadsOlderColumns(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("train-log.csv");
    // left by an interrupted run with one column fewer: steps 1-3 written, the checkpoint was at step 2
    Files.write(log, List.of("step,a,b", "1,0.5,x", "2,0.4,y", "3,0.3,z"), StandardCharsets.UTF_8);
    try (StepCsv csv = new StepCsv(log, "step,a,b,c", 2)) {
      csv.row("3,0.35,w,ok\n");
    }
    assertEquals(List.of("step,a,b,c", "1,0.5,x,", "2,0.4,y,", "3,0.35,w,ok"), Files.readAllLines(log));
  }

  @Test
  void stepZeroStartsANewLog(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("train-log.csv");
    Files.write(log, List.of("step,a", "1,0.5"), StandardCharsets.UTF_8);
    try (StepCsv csv = new StepCsv(log, "step,a", 0)) {
      csv.row("1,0.6\n");
    }
    assertEquals(List.of("step,a", "1,0.6"), Files.readAllLines(log));
  }
}
