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
import org.cptbench.CptbenchException;
import org.cptbench.config.SuiteSpec;
import org.cptbench.train.TrainingRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init} as an encoder key and sweep axis: cells start from a model folder, which is part of their id. */
class SuiteInitTest {
  @TempDir Path tmp;
  Path data;

  private static final String SUITE = """
      name: init
      seed: 5
      encoder: {preset: tiny, layers: 1, width: 32, heads: 2, ffn: 64, maxTokens: 32, vocabSize: 300%s}
      train: {corpus: builtin-wordnet, steps: %d, checkpoints: [%2$d], batchSize: 4, tokenizerChars: 20000}
      %s
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

  private Path run(SuiteSpec s, String name) {
    Path out = tmp.resolve(name);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    SuiteRunner.Outcome o = new SuiteRunner(s, out, data, new PrintStream(log, true, StandardCharsets.UTF_8)).run();
    assertEquals(0, o.failed(), log.toString(StandardCharsets.UTF_8));
    return out;
  }

  private List<CellSpec> cells(SuiteSpec s, Path out) {
    SuiteRunner r = new SuiteRunner(s, out, data, System.err);
    List<String> tasks = r.activeTasks();
    return SuiteGrid.expand(s, r.context(tasks, r.checksums(tasks)));
  }

  private static String firstLoss(Path cellDir) throws IOException {
    List<String> log = Files.readAllLines(cellDir.resolve(TrainingRun.LOG));
    assertTrue(log.getFirst().startsWith("step,loss"), log.getFirst());
    return log.get(1).split(",")[1];
  }

  @Test
  void aCellStartsFromTheGivenModelFolderWhichIsPartOfItsId() throws IOException {
    SuiteSpec pre = SuiteSpec.parse(SUITE.formatted("", 3, ""), "pre.yaml");
    Path preRun = run(pre, "pre");
    Path checkpoint = preRun.resolve("cells").resolve(cells(pre, preRun).getFirst().id()).resolve("checkpoints/step-3");

    SuiteSpec s = SuiteSpec.parse(SUITE.formatted("", 2, "sweep:\n  init: [scratch, " + checkpoint + "]"), "s.yaml");
    Path out = run(s, "swept");
    List<CellSpec> cells = cells(s, out);
    assertEquals(2, cells.size());
    assertNotEquals(cells.get(0).id(), cells.get(1).id());
    assertEquals(List.of("scratch", checkpoint.toString()),
        cells.stream().map(c -> c.params().columnText().get("init")).toList());
    assertEquals(cells.get(0).encoder(), cells.get(1).encoder(), "same shape: only the starting weights differ");
    String scratchLoss = firstLoss(out.resolve("cells").resolve(cells.get(0).id()));
    String initLoss = firstLoss(out.resolve("cells").resolve(cells.get(1).id()));
    assertNotEquals(scratchLoss, initLoss, "the init cell starts from the trained weights, not from random ones");
    // the scratch cell is the pre-training cell's first 2 steps: same seed, same data, so the same first loss
    assertEquals(firstLoss(preRun.resolve("cells").resolve(cells(pre, preRun).getFirst().id())), scratchLoss);
    List<String> rows = Files.readAllLines(out.resolve("results.csv"));
    assertTrue(rows.getFirst().contains(",precision,init,step,"), rows.getFirst());
    assertTrue(rows.stream().anyMatch(r -> r.contains("," + checkpoint + ",")), rows.toString());

    // encoder.init (not swept) gives the same cell as the swept value
    SuiteSpec viaKey = SuiteSpec.parse(SUITE.formatted(", init: " + checkpoint, 2, ""), "k.yaml");
    assertEquals(cells.get(1).id(), cells(viaKey, out).getFirst().id());
  }

  @Test
  void aMissingFolderNamesTheKeyAndThePath() {
    Path missing = tmp.resolve("no-such-model");
    var e = assertThrows(CptbenchException.class, () -> SuiteSpec.parse(
        SUITE.formatted("", 2, "sweep:\n  init: [scratch, " + missing + "]"), "s.yaml"));
    assertTrue(e.getMessage().contains("s.yaml: sweep.init[1]: '" + missing + "' is not a folder"), e.getMessage());
    e = assertThrows(CptbenchException.class, () -> SuiteSpec.parse(
        SUITE.formatted(", init: " + missing, 2, ""), "s.yaml"));
    assertTrue(e.getMessage().contains("s.yaml: encoder.init: '" + missing + "' is not a folder"), e.getMessage());
    Path empty = tmp.resolve("empty");
    assertTrue(empty.toFile().mkdirs());
    e = assertThrows(CptbenchException.class, () -> SuiteSpec.parse(
        SUITE.formatted(", init: " + empty, 2, ""), "s.yaml"));
    assertTrue(e.getMessage().startsWith("s.yaml: encoder.init: '" + empty + "': "), e.getMessage());
  }
}
