package org.cptbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cptbench.CptbenchException;
import org.cptbench.config.SuiteSpec;
import org.cptbench.train.TrainingRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite's {@code pretrain:} stage: run once per run before the first {@code init: pretrained} cell, content-addressed
 * (a second run reuses it), and part of the pretrained cells' ids only.
 */
class SuitePretrainStageTest {
  @TempDir Path tmp;
  Path data;

  private static final String SUITE = """
      name: stage
      seed: 5
      encoder: {preset: tiny, layers: 1, width: 32, heads: 2, ffn: 64, maxTokens: 16, vocabSize: 300}
      pretrain: {corpus: builtin-wordnet, steps: %d, batchSize: 4, evalEvery: 2, valSequences: 4, tokenizerChars: 20000}
      train: {corpus: builtin-wordnet, steps: 2, checkpoints: [2], batchSize: 4, tokenizerChars: 20000}
      sweep:
        init: [scratch, pretrained]
      tasks: [sts/STSBenchmark]
      references: []
      """;

  @BeforeEach
  void writeSts() throws IOException {
    data = tmp.resolve("data");
    Path sts = Files.createDirectories(data.resolve("sts/STSBenchmark"));
    String[] w = {"river", "mountain", "city", "forest", "ocean", "desert"};
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      b.append("main-captions\tMSRvid\t2012test\t").append(i).append('\t').append(i % 6).append(".000\tThe ")
          .append(w[i % 6]).append(" is big.\tThe ").append(w[(i * 5) % 6]).append(" is big.\n");
    }
    Files.writeString(sts.resolve("sts-test.csv"), b.toString());
  }

  private String run(SuiteSpec s, Path out) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    SuiteRunner.Outcome o = new SuiteRunner(s, out, data, new PrintStream(log, true, StandardCharsets.UTF_8)).run();
    String text = log.toString(StandardCharsets.UTF_8);
    assertEquals(0, o.failed(), text);
    return text;
  }

  private List<CellSpec> cells(SuiteSpec s, Path out) {
    SuiteRunner r = new SuiteRunner(s, out, data, System.err);
    List<String> tasks = r.activeTasks();
    return SuiteGrid.expand(s, r.context(tasks, r.checksums(tasks)));
  }

  @Test
  void theStageRunsOnceAndInitialisesThePretrainedCells() throws IOException {
    SuiteSpec s = SuiteSpec.parse(SUITE.formatted(4), "s.yaml");
    Path out = tmp.resolve("run");
    String first = run(s, out);
    assertTrue(first.contains("pretrain stage: corpus builtin-wordnet, 4 steps x 4 sequences x 16 tokens"), first);
    Path stage;
    try (Stream<Path> st = Files.list(out.resolve("pretrain"))) {
      List<Path> stages = st.filter(Files::isDirectory).toList();
      assertEquals(1, stages.size(), stages.toString());
      stage = stages.getFirst();
    }
    assertTrue(Files.isDirectory(stage.resolve("checkpoints/step-4")));
    List<String> lmLog = Files.readAllLines(stage.resolve(TrainingRun.LOG));
    assertTrue(lmLog.getFirst().startsWith("step,loss,val_loss,val_ppl"), lmLog.getFirst());

    List<CellSpec> cells = cells(s, out);
    assertEquals(List.of("scratch", "pretrained"), cells.stream().map(c -> c.params().columnText().get("init")).toList());
    Path pretrainedCell = out.resolve("cells").resolve(cells.get(1).id());
    String cellLog = Files.readString(pretrainedCell.resolve(TrainingRun.LOG));
    String provenance = Files.readString(pretrainedCell.resolve("checkpoints/step-2/config.json"));
    assertTrue(provenance.contains("RUN/pretrain/" + stage.getFileName() + "/checkpoints/step-4"), provenance);
    assertTrue(cellLog.lines().count() >= 2, cellLog);
    assertTrue(Files.readString(out.resolve("results.csv")).contains(",pretrained,"));

    // a second run finds everything done: no pre-training, no training
    String second = run(s, out);
    assertTrue(!second.contains("pretrain stage") && !second.contains("step 2/2"), second);
  }

  @Test
  void theStageSettingsArePartOfThePretrainedCellsIdOnly() {
    List<CellSpec> a = cells(SuiteSpec.parse(SUITE.formatted(4), "a.yaml"), tmp.resolve("a"));
    List<CellSpec> b = cells(SuiteSpec.parse(SUITE.formatted(6), "b.yaml"), tmp.resolve("b"));
    assertEquals(a.get(0).id(), b.get(0).id(), "scratch cells do not depend on the pretrain stage");
    assertNotEquals(a.get(1).id(), b.get(1).id(), "pretrained cells do");
  }

  @Test
  void pretrainedWithoutAStageIsAnErrorNamingTheKey() {
    String noStage = SUITE.formatted(4).lines().filter(l -> !l.startsWith("pretrain:"))
        .reduce("", (x, y) -> x + y + "\n");
    var e = assertThrows(CptbenchException.class, () -> SuiteSpec.parse(noStage, "s.yaml"));
    assertTrue(e.getMessage().startsWith("s.yaml: init: pretrained needs a pretrain: stage"), e.getMessage());
    var bad = assertThrows(CptbenchException.class,
        () -> SuiteSpec.parse(SUITE.formatted(4).replace("evalEvery: 2", "evalEvry: 2"), "s.yaml"));
    assertTrue(bad.getMessage().contains("pretrain.evalEvry"), bad.getMessage());
  }
}
