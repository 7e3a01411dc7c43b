package org.cptbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.cluster.CellStatus.State;
import org.cptbench.config.SuiteSpec;
import org.cptbench.run.CellSpec;
import org.cptbench.run.CheckpointEvaluation;
import org.cptbench.run.SuiteGrid;
import org.cptbench.run.SuiteRunner;
import org.cptbench.util.FolderLock;
import org.cptbench.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder read back as the Slurm tasks and {@code status} read it (same cell ids as the submitter's), and each
 * cell's state from its files alone: done, running (task lock held), failed (an error, or an attempt that ended
 * without finishing), unfinished.
 */
class RunStatusTest {
  @TempDir Path run;

  @Test
  void statesFromTheCellFolders() throws IOException {
    SuiteSpec suite = SuiteSpec.parse("""
        name: st
        seed: 3
        encoder: {preset: tiny}
        train: {steps: 4, checkpoints: [2, 4]}
        sweep: {batchSize: [4, 8, 16, 32, 64]}
        tasks: [sts/STSBenchmark, beir/toy]
        """, "st.yaml");
    Path data = run.resolve("data");
    SuiteRunner runner = new SuiteRunner(suite, run, data, System.err);
    List<String> tasks = runner.activeTasks();
    Map<String, String> sums = runner.checksums(tasks);
    List<CellSpec> cells = SuiteGrid.expand(suite, runner.context(tasks, sums));
    Files.writeString(run.resolve("suite.yaml"), suite.yaml());
    Json.writeFile(run.resolve("run.json"), runner.runJson(tasks, sums, cells, Instant.now(), null));

    RunFolder folder = RunFolder.read(run, null);
    assertEquals(cells.stream().map(CellSpec::id).toList(), folder.cells().stream().map(CellSpec::id).toList());
    assertEquals(data, folder.dataDir());
    CellSpec done = cells.get(0);
    CellSpec partial = cells.get(1);
    CellSpec failed = cells.get(2);
    CellSpec killed = cells.get(3);
    CellSpec running = cells.get(4);
    Path d = folder.cellDir(done);
    Files.createDirectories(d);
    Files.writeString(d.resolve("train.done"), "");
    for (int step : List.of(2, 4)) {
      for (String t : tasks) {
        Path f = CheckpointEvaluation.resultFile(d, step, t);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "{}");
      }
    }
    assertTrue(folder.finished(done));
    Path p = folder.cellDir(partial);
    Files.createDirectories(p);
    Files.writeString(p.resolve("train.done"), "");
    Path one = CheckpointEvaluation.resultFile(p, 4, "sts/STSBenchmark");
    Files.createDirectories(one.getParent());
    Files.writeString(one, "{}");
    assertFalse(folder.finished(partial), "an evaluation is missing");
    Json.writeFile(folder.cellDir(failed).resolve("failed.json"), Map.of("error", "CptbenchException: boom"));
    Json.writeFile(folder.cellDir(killed).resolve("task/attempt.json"),
        Map.of("job", "5_3", "start", Instant.now().toString(), "state", "running", "pid", 1));

    try (FolderLock lock = FolderLock.acquire(folder.cellDir(running).resolve("task"), "test")) {
      Json.writeFile(folder.cellDir(running).resolve("task/attempt.json"),
          Map.of("job", "5_4", "start", Instant.now().minusSeconds(65).toString(), "state", "running",
              "host", "node7"));
      List<CellStatus> s = RunStatus.of(folder);
      assertEquals(List.of(State.DONE, State.UNFINISHED, State.FAILED, State.FAILED, State.RUNNING),
          s.stream().map(CellStatus::state).toList());
      assertEquals("CptbenchException: boom", s.get(2).detail());
      assertEquals("5_3", s.get(3).job());
      assertTrue(s.get(3).detail().startsWith("the task ended without finishing the cell"), s.get(3).detail());
      assertEquals("5_4", s.get(4).job());
      assertEquals("on node7", s.get(4).detail());
      assertTrue(s.get(4).seconds() >= 65 && s.get(4).seconds() < 600, s.get(4).elapsed());
      assertEquals(List.of(false, true, true, true, false),
          s.stream().map(CellStatus::needsSubmission).toList());
    }
    assertEquals(partial, folder.cell(partial.id().substring(0, 6)));
    var e = assertThrows(CptbenchException.class, () -> folder.cell("zzz"));
    assertTrue(e.getMessage().startsWith("no cell 'zzz' in "), e.getMessage());
  }

  @Test
  void aFolderWithoutRunFilesIsNotARunFolder() {
    var e = assertThrows(CptbenchException.class, () -> RunFolder.read(run, null));
    assertTrue(e.getMessage().contains("is not a run folder"), e.getMessage());
  }
}
