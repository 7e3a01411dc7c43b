package org.cptbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cptbench.CptbenchException;
import org.cptbench.config.SuiteSpec;
import org.cptbench.model.Precision;
import org.cptbench.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code precision} as a suite key and sweep axis: part of a cell's identity, and the precision a cell runs in. */
class SuitePrecisionTest {
  @TempDir Path tmp;

  private static final String BASE = """
      name: prec
      seed: 5
      encoder: {preset: tiny, layers: 1, width: 32, heads: 2, ffn: 64, maxTokens: 32, vocabSize: 300}
      train: {corpus: builtin-wordnet, steps: 2, checkpoints: [2], batchSize: 4, tokenizerChars: 20000}
      tasks: [builtin/wordnet-examples]
      references: []
      """;

  @Test
  void sweepingPrecisionGivesCellsWithDistinctIdsAndColumns() {
    SuiteSpec s = SuiteSpec.parse(BASE + "sweep:\n  precision: [fp32, bf16]\n", "s.yaml");
    List<CellSpec> cells = SuiteGrid.expand(s, "ctx");
    assertEquals(2, cells.size());
    assertNotEquals(cells.get(0).id(), cells.get(1).id());
    assertEquals(List.of("fp32", "bf16"),
        cells.stream().map(c -> c.params().columnText().get("precision")).toList());
    // fp32 (the default) keeps the id a cell had before precision was a parameter
    String unswept = SuiteGrid.expand(SuiteSpec.parse(BASE, "s.yaml"), "ctx").getFirst().id();
    assertEquals(unswept, cells.get(0).id());
    // the requested value is the identity: auto is its own cell, whatever it resolves to here
    SuiteSpec auto = SuiteSpec.parse(BASE + "precision: auto\n", "s.yaml");
    CellSpec a = SuiteGrid.expand(auto, "ctx").getFirst();
    assertEquals(Precision.AUTO, a.params().precision());
    assertTrue(!a.id().equals(cells.get(0).id()) && !a.id().equals(cells.get(1).id()));
  }

  @Test
  void badPrecisionNamesTheKeyTheValueAndTheChoices() {
    var e = assertThrows(CptbenchException.class,
        () -> SuiteSpec.parse(BASE + "sweep:\n  precision: [fp32, fp16]\n", "s.yaml"));
    assertTrue(e.getMessage().contains("s.yaml: sweep.precision[1]: unknown value 'fp16'; allowed: [fp32, bf16, auto]"),
        e.getMessage());
    e = assertThrows(CptbenchException.class, () -> SuiteSpec.parse(BASE + "precision: half\n", "s.yaml"));
    assertTrue(e.getMessage().contains("s.yaml: precision: unknown value 'half'"), e.getMessage());
  }

  @Test
  void aBf16CellTrainsAndIsEvaluatedInBf16() throws IOException {
    SuiteSpec s = SuiteSpec.parse(BASE + "precision: bf16\n", "s.yaml");
    Path run = tmp.resolve("run");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    SuiteRunner.Outcome o =
        new SuiteRunner(s, run, tmp.resolve("data"), new PrintStream(log, true, StandardCharsets.UTF_8)).run();
    assertEquals(0, o.failed(), log.toString(StandardCharsets.UTF_8));
    List<String> rows = Files.readAllLines(run.resolve("results.csv"));
    assertTrue(rows.getFirst().startsWith("cell,encoder,attention,pooling,temperature,batchSize,steps,seed,precision,"),
        rows.getFirst());
    assertTrue(rows.size() > 1 && rows.stream().skip(1).allMatch(r -> r.contains(",bf16,")), rows.toString());
    String id = SuiteGrid.expand(s, new SuiteRunner(s, run, tmp.resolve("data"), System.err).context(
        List.of("builtin/wordnet-examples"), java.util.Map.of())).getFirst().id();
    JsonNode config = Json.MAPPER.readTree(run.resolve("cells").resolve(id).resolve("checkpoints/step-2/config.json")
        .toFile());
    assertEquals("bf16", config.path("compute").path("precision").asText(), config.toString());
    assertTrue(config.toString().contains("\"precisionResolved\":\"bf16\""), config.toString());
  }
}
