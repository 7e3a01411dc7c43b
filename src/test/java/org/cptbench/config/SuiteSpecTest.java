package org.cptbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.model.EncoderSpec;
import org.cptbench.train.Temperature;
import org.junit.jupiter.api.Test;

class SuiteSpecTest {

  private static SuiteSpec parse(String yaml) {
    return SuiteSpec.parse(yaml, "f.yaml");
  }

  private static String error(String yaml) {
    SuiteSpec s;
    try {
      s = parse(yaml);
    } catch (CptbenchException e) {
      return e.getMessage();
    }
    CptbenchException e = assertThrows(CptbenchException.class, () -> s.expect().forEach(x -> x.requireSomeCell(
        s.cells())));
    return e.getMessage();
  }

  private static void assertContains(String expected, String message) {
    assertTrue(message.contains(expected), message);
  }

  @Test
  void sweepEvalAndExpectAreBoundOnceIntoTypes() {
    SuiteSpec s = parse("""
        name: t
        train: {steps: 20, batchSize: 8}
        sweep: {batchSize: [4, 8], temperature: [{learned: 0.07, learningRate: 0.005}, {fixed: 0.05}]}
        tasks: [sts/STSBenchmark]
        eval: {probeAt: final, probeFolds: 5, distractors: 100}
        expect:
          - {cell: {batchSize: 8}, task: sts/STSBenchmark, metric: spearman, min: 0.1, step: 20}
        """);
    assertEquals(EvalSettings.ProbeAt.FINAL, s.eval().probeAt());
    assertEquals(5, s.eval().options(s.seed()).probe().folds());
    assertEquals(100, s.eval().options(s.seed()).distractors());
    assertEquals(List.of(4, 8), s.sweep().of(SweepAxis.BATCH_SIZE));
    assertEquals(2, s.sweep().of(SweepAxis.TEMPERATURE).size());
    Expectation e = s.expect().getFirst();
    assertEquals(Map.of("batchSize", "8"), e.cell());
    assertEquals(20, e.step());
    assertEquals(Double.POSITIVE_INFINITY, e.max());
    assertEquals(4, s.cells().size());
    assertEquals(2, s.cells().stream().filter(e::selects).count());
  }

  @Test
  void aListOfSweepMappingsIsTheUnionOfItsArms() {
    SuiteSpec s = parse("""
        name: t
        train: {steps: 20, batchSize: 8, temperature: {learned: 0.07}}
        sweep:
          - {batchSize: [4, 8, 16]}
          - {temperature: [{fixed: 0.07}]}
          - {batchSize: [8], steps: [10, 20]}
        tasks: [sts/STSBenchmark]
        """);
    List<CellParams> cells = s.cells();
    // 3 batch sizes + 1 fixed temperature + 1 shorter budget; (8, learned, 20) is shared by all three arms
    assertEquals(5, cells.size(), cells.toString());
    assertEquals(5, cells.stream().distinct().count());
    assertEquals(List.of(4, 8, 16), s.sweep().of(SweepAxis.BATCH_SIZE));
    assertEquals(List.of(20, 10), s.sweep().of(SweepAxis.STEPS));
    assertEquals(1, cells.stream().filter(c -> !c.temperature().learned()).count());
    assertEquals(8, cells.stream().filter(c -> !c.temperature().learned()).findFirst().orElseThrow().batchSize());
    assertContains("f.yaml: sweep[1]: expected a mapping of axes", error("""
        name: t
        sweep: [{batchSize: [4]}, [8]]
        tasks: [sts/STSBenchmark]
        """));
    assertContains("f.yaml: sweep[0].batchsize: unknown key", error("""
        name: t
        sweep: [{batchsize: [4]}]
        tasks: [sts/STSBenchmark]
        """));
  }

  @Test
  void errorsNameFileKeyPathValueAndAllowedValues() {
    assertContains(
        "f.yaml: sweep.lr: unknown key; allowed keys here: [batchSize, encoder, init, precision, seed, steps, "
            + "temperature]",
        error("name: x\ntasks: [a]\nsweep: {lr: [0.1]}\n"));
    assertContains(
        "f.yaml: sweep.batchSize: expected a non-empty list", error("name: x\ntasks: [a]\nsweep: {batchSize: []}\n"));
    assertContains(
        "f.yaml: eval.probeAt: unknown value 'sometimes'; allowed: [all, final]", error("name: x\ntasks: [a]\neval: {probeAt: sometimes}\n"));
    assertContains(
        "f.yaml: expect[0].cell.bs: unknown key; allowed keys here: [attention, batchSize, encoder, init, pooling, "
            + "precision, seed, steps, temperature]", error("name: x\ntasks: [a]\nexpect: [{cell: {bs: 8}, task: a, metric: m, min: 0}]\n"));
    String noCell = error("name: x\ntasks: [a]\nsweep: {batchSize: [4, 8]}\n"
        + "expect: [{cell: {batchSize: 16}, task: a, metric: m, min: 0}]\n");
    assertTrue(noCell.contains("f.yaml: expect[0].cell: {batchSize=16} selects no cell of this suite; values here: "
        + "batchSize: [4, 8]"), noCell);
    assertContains(
        "f.yaml: sweep.encoder[0].attention: unknown value 'sideways'; allowed: [causal, bidirectional]", error("name: x\ntasks: [a]\nsweep:\n  encoder: [{attention: sideways}]\n"));
  }

  @Test
  void sweepingVocabSizeAndTheTemperaturesLearningRateGivesDistinctColumns() {
    SuiteSpec s = parse("""
        name: t
        encoder: {preset: tiny}
        train: {steps: 20, batchSize: 8}
        sweep:
          encoder: [{vocabSize: 2000}, {vocabSize: 4000}]
          temperature: [{learned: 0.07, learningRate: 0.001}, {learned: 0.07, learningRate: 0.01}]
        tasks: [sts/STSBenchmark]
        """);
    List<CellParams> cells = s.cells();
    assertEquals(4, cells.size());
    assertEquals(4, cells.stream().map(CellParams::columnText).distinct().count(), "one row per cell");
    assertEquals("tiny(vocabSize=2000)", cells.getFirst().columnText().get("encoder"));
    assertEquals("learned(0.07 lr=0.001)", cells.getFirst().columnText().get("temperature"));
    assertEquals("tiny", CellParams.encoderLabel(EncoderSpec.preset("tiny")));
  }

  @Test
  void everyParameterThatDiffersShowsInTheColumns() {
    CellParams base = parse("name: t\ntasks: [a]\n").baseCell();
    EncoderSpec e = base.encoder();
    List<CellParams> variants = List.of(
        base,
        base.toBuilder().encoder(new EncoderSpec(e.vocabSize(), e.layers(), e.width(), e.heads(), e.ffn() + 1,
            e.maxTokens(), e.attention(), e.pooling())).build(),
        base.toBuilder().encoder(new EncoderSpec(e.vocabSize(), e.layers(), e.width(), e.heads(), e.ffn(),
            e.maxTokens() + 1, e.attention(), e.pooling())).build(),
        base.toBuilder().temperature(new Temperature(true, base.temperature().tau(), false, 0)).build(),
        base.toBuilder().temperature(new Temperature(true, base.temperature().tau() + 1e-4, true, 0)).build(),
        base.toBuilder().temperature(new Temperature(false, base.temperature().tau(), false, 0)).build(),
        base.toBuilder().batchSize(base.batchSize() + 1).build(),
        base.toBuilder().steps(base.steps() + 1).build(),
        base.toBuilder().seed(base.seed() + 1).build());
    assertEquals(variants.size(), variants.stream().map(CellParams::columnText).distinct().count());
    assertEquals(CellParams.COLUMNS, List.copyOf(base.columns().keySet()));
  }

  @Test
  void oldTemperatureLabelsStillSelectForOneRelease() {
    SuiteSpec s = parse("""
        name: t
        sweep: {temperature: [{learned: 0.07, learningRate: 0.005}, {fixed: 0.05}]}
        tasks: [a]
        expect: [{cell: {temperature: learned(0.07)}, task: a, metric: m, min: 0}]
        """);
    Expectation e = s.expect().getFirst();
    assertEquals(1, s.cells().stream().filter(e::selects).count());
    assertFalse(e.selects(Map.of("temperature", "learned(0.07 lr=0.005)")), "on text alone only the new label");
  }

  @Test
  void trainAndSuitesShareOneDefaultBatchSize() {
    assertEquals(TrainConfig.DEFAULT_BATCH_SIZE, parse("name: t\ntasks: [a]\n").train().batchSize());
    assertEquals(TrainConfig.DEFAULT_BATCH_SIZE, TrainConfig.defaults(13).batchSize());
  }

  @Test
  void referencesDefaultToBm25AndMiniLmAndAreValidated() {
    String base = "name: t\ntasks: [sts/STSBenchmark]\n";
    assertEquals(List.of("bm25", "minilm-l6"), parse(base).references());
    assertEquals(List.of(), parse(base + "references: []\n").references());
    assertEquals(List.of("minilm-l6"), parse(base + "references: [minilm-l6]\n").references());
    assertEquals("f.yaml: references: unknown reference 'e5'; allowed: [bm25, minilm-l6] ([] for none)",
        error(base + "references: [bm25, e5]\n"));
    assertEquals("f.yaml: references: 'bm25' is named twice", error(base + "references: [bm25, bm25]\n"));
  }
}
