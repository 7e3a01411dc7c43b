package org.cptbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cptbench.data.MalformedInputException;
import org.cptbench.train.TrainHealth.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollapseDetectorTest {
  private static final int B = 32;

  @TempDir Path tmp;

  private static StepStats healthy(int step) {
    return new StepStats(step, 2.1, 2.6, 1e-3, 100, 0.4, 0.8, 0.3);
  }

  private static StepStats collapsed(int step) {
    return new StepStats(step, Math.log(B) + 1e-5, -1.44, 1.0, 100, 1.0 / B, 0.0, Double.NaN);
  }

  private static List<Status> feed(CollapseDetector d, List<StepStats> steps) {
    List<Status> out = new ArrayList<>();
    for (StepStats s : steps) {
      out.add(d.observe(s));
    }
    return out;
  }

  @Test
  void healthyRunStaysOk() {
    CollapseDetector d = new CollapseDetector(B);
    List<StepStats> steps = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      steps.add(healthy(i));
    }
    assertTrue(feed(d, steps).stream().allMatch(s -> s == Status.OK));
    assertNull(d.firstCollapse());
  }

  @Test
  void collapsedAfterKConsecutiveSteps() {
    CollapseDetector d = new CollapseDetector(B);
    List<StepStats> steps = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      steps.add(healthy(i));
    }
    for (int i = 6; i <= 40; i++) {
      steps.add(collapsed(i));
    }
    List<Status> st = feed(d, steps);
    int first = st.indexOf(Status.COLLAPSED) + 1; // the step number
    assertEquals(5 + CollapseDetector.K, first);
    assertTrue(st.subList(first - 1, st.size()).stream().allMatch(s -> s == Status.COLLAPSED));
    String warning = d.firstCollapse();
    assertNotNull(warning);
    assertTrue(warning.contains("step " + first), warning);
    assertTrue(warning.contains("ln(32) = 3.46574"), warning);
  }

  @Test
  void fewerThanKStepsOrOneMissingConditionIsNotACollapse() {
    CollapseDetector d = new CollapseDetector(B);
    List<StepStats> steps = new ArrayList<>();
    for (int i = 1; i < CollapseDetector.K; i++) {
      steps.add(collapsed(i));
    }
    steps.add(healthy(CollapseDetector.K));
    for (int i = CollapseDetector.K + 1; i < 2 * CollapseDetector.K; i++) {
      steps.add(collapsed(i));
    }
    assertTrue(feed(d, steps).stream().allMatch(s -> s == Status.OK));
    // at chance but with a gradient: still learning, not collapsed
    CollapseDetector withGradient = new CollapseDetector(B);
    List<StepStats> learning = new ArrayList<>();
    for (int i = 1; i <= 3 * CollapseDetector.K; i++) {
      StepStats c = collapsed(i);
      learning.add(new StepStats(c.step(), c.loss(), c.tau(), c.learningRate(), 100, c.inBatchAccuracy(), 0.5));
    }
    assertTrue(feed(withGradient, learning).stream().allMatch(s -> s == Status.OK));
  }

  @Test
  void chanceAccuracyNoiseAndAGradientBlipStillCollapse() {
    // as measured with train --lr 1.0 on nltk: per-step hits 0..4 of 32, one step with gradient norm 0.009
    int[] hits = {1, 0, 3, 1, 2, 0, 4, 1, 1, 0, 3, 1, 0, 2, 1, 1, 0, 3, 1, 2};
    CollapseDetector d = new CollapseDetector(B);
    Status last = Status.OK;
    for (int i = 0; i < hits.length; i++) {
      double grad = i == 4 ? 0.009 : 0.0;
      last = d.observe(new StepStats(i + 1, 3.465740, -3.4, 1.0, 60, hits[i] / (double) B, grad));
    }
    assertEquals(Status.COLLAPSED, last);
    // the same losses and gradients with a learning signal (mean accuracy 6/32) are not a collapse
    CollapseDetector learning = new CollapseDetector(B);
    for (int i = 0; i < 2 * CollapseDetector.K; i++) {
      last = learning.observe(new StepStats(i + 1, 3.465740, -3.4, 1.0, 60, 6.0 / B, 0.0));
    }
    assertEquals(Status.OK, last);
  }

  @Test
  void recoversWhenTheStepsLookHealthyAgain() {
    CollapseDetector d = new CollapseDetector(B);
    List<StepStats> steps = new ArrayList<>();
    for (int i = 1; i <= CollapseDetector.K + 3; i++) {
      steps.add(collapsed(i));
    }
    steps.add(healthy(CollapseDetector.K + 4));
    List<Status> st = feed(d, steps);
    assertEquals(Status.COLLAPSED, st.get(st.size() - 2));
    assertEquals(Status.OK, st.get(st.size() - 1));
    assertNotNull(d.firstCollapse()); // the warning was given once and stays
  }

  @Test
  void embeddingSpreadAtZeroIsACollapse() {
    CollapseDetector d = new CollapseDetector(B);
    Status last = Status.OK;
    for (int i = 1; i <= CollapseDetector.K; i++) {
      last = d.observe(new StepStats(i, 2.0, 2.6, 1e-3, 100, 0.3, 0.5, 0.9995));
    }
    assertEquals(Status.COLLAPSED, last);
  }

  @Test
  void divergedRowCarriesTheNonFiniteValue() {
    TrainingDiverged e = new TrainingDiverged(7, "the loss", Double.NaN, "lower the learning rate");
    assertTrue(e.getMessage().contains("step 7") && e.getMessage().contains("NaN"), e.getMessage());
    assertTrue(Double.isNaN(TrainingRun.divergedRow(e).loss()));
    String withCheckpoint = e.withLastGood(tmp.resolve("checkpoints/step-5"), 5).getMessage();
    assertTrue(withCheckpoint.contains("step 5") && withCheckpoint.contains("checkpoints/step-5"), withCheckpoint);
  }

  @Test
  void summariseReadsTheHealthColumn() throws IOException {
    Path log = tmp.resolve("train-log.csv");
    try (TrainLog t = new TrainLog(log, 0)) {
      t.append(healthy(1), Status.OK);
      t.append(collapsed(2), Status.COLLAPSED);
      t.append(collapsed(3), Status.COLLAPSED);
    }
    TrainHealth.Summary s = TrainHealth.summarise(log);
    assertEquals(Status.COLLAPSED, s.status());
    assertEquals(2, s.step());
    assertTrue(s.reason().contains("step 2"), s.reason());
    try (TrainLog t = new TrainLog(log, 3)) {
      t.append(TrainingRun.divergedRow(new TrainingDiverged(4, "the gradient norm", Double.POSITIVE_INFINITY, "x")),
          Status.DIVERGED);
    }
    assertEquals(Status.DIVERGED, TrainHealth.summarise(log).status());
    assertEquals(4, TrainHealth.summarise(log).step());
  }

  @Test
  void summariseOfALegacyLogIsUnchecked() throws IOException {
    Path log = tmp.resolve("train-log.csv");
    Files.writeString(log, TrainLog.LEGACY_HEADER + "\n1,3.465736,-1.44,0.2369,1.0,10.0,0.0312,0.0000\n");
    TrainHealth.Summary s = TrainHealth.summarise(log);
    assertEquals(Status.OK, s.status());
    assertTrue(s.reason().contains("not checked"), s.reason());
    assertEquals(List.of(TrainLog.LEGACY_HEADER.split(",")), TrainLog.columnsOf(log));
    // resuming into a legacy log pads its rows with an empty health field
    try (TrainLog t = new TrainLog(log, 1)) {
      t.append(healthy(2), Status.OK);
    }
    List<String> lines = Files.readAllLines(log);
    assertEquals(TrainLog.HEADER, lines.get(0));
    assertTrue(lines.get(1).endsWith(","), lines.get(1));
    assertEquals(Status.OK, TrainHealth.summarise(log).status());
  }

  @Test
  void summariseRejectsAnUnknownHealthNamingTheLine() throws IOException {
    Path log = tmp.resolve("train-log.csv");
    Files.writeString(log, TrainLog.HEADER + "\n1,2,2,7,1,1,0.5,1,fine\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> TrainHealth.summarise(log));
    assertTrue(e.getMessage().contains(":2"), e.getMessage());
  }
}
