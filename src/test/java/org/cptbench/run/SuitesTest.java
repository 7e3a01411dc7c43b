package org.cptbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cptbench.CptbenchException;
import org.cptbench.config.SuiteSpec;
import org.junit.jupiter.api.Test;

class SuitesTest {

  @Test
  void builtInSuitesParseAndExpand() {
    List<CellSpec> quick = SuiteGrid.expand(Suites.load("quick"), "ctx");
    assertEquals(4, quick.size(), "quick is a 2 x 2 sweep (temperature x batch size)");
    assertEquals(Set.of(32, 128), quick.stream().map(c -> c.train().batchSize()).collect(Collectors.toSet()));
    assertEquals(List.of(100, 200, 300), quick.get(0).train().checkpoints());
    List<CellSpec> paper = SuiteGrid.expand(Suites.load("paper"), "ctx");
    assertEquals(15, paper.size(), "paper is 5 configurations (3 batch sizes; fixed temperature; scratch) x 3 seeds");
    assertTrue(paper.stream().anyMatch(c -> c.train().batchSize() >= 2048 && c.train().gradCache()),
        "paper's largest batches run with GradCache");
    assertEquals(15, paper.stream().map(CellSpec::id).distinct().count(), "cell ids are distinct");
    assertEquals(Set.of("pretrained", "scratch"),
        paper.stream().map(c -> c.params().init().label()).collect(Collectors.toSet()));
    assertEquals(3, paper.stream().filter(c -> c.params().init().scratch()).count(), "one scratch config x 3 seeds");
    List<CellSpec> code = SuiteGrid.expand(Suites.load("code"), "ctx");
    assertEquals(7, code.size(), "code is batch 32/128/512 x learned/fixed temperature, plus LM init at batch 128");
    assertEquals(List.of(50, 100, 200), code.get(0).train().checkpoints());
  }

  @Test
  void resultsCsvKeepsItsColumns() {
    assertEquals("cell,encoder,attention,pooling,temperature,batchSize,steps,seed,precision,init,step,task,kind,"
        + "metric,value,definition", String.join(",", ResultsTable.HEADER));
  }

  @Test
  void quickCellIdsAreThoseOfTheReleaseBefore() {
    // ids of `./harness run quick` before the typed suite model (same context): cached cells stay valid
    List<CellSpec> cells = SuiteGrid.expand(Suites.load("quick"), "ctx");
    assertEquals(List.of("learned(0.07 lr=0.005)", "learned(0.07 lr=0.005)", "fixed(0.05)", "fixed(0.05)"),
        cells.stream().map(c -> c.params().columnText().get("temperature")).toList());
    assertEquals(List.of(32, 128, 32, 128), cells.stream().map(c -> c.train().batchSize()).toList());
  }

  @Test
  void cellIdsDependOnContextAndAreStable() {
    SuiteSpec s = Suites.load("quick");
    assertEquals(SuiteGrid.expand(s, "a").get(0).id(), SuiteGrid.expand(s, "a").get(0).id());
    assertTrue(!SuiteGrid.expand(s, "a").get(0).id().equals(SuiteGrid.expand(s, "b").get(0).id()));
  }

  @Test
  void repeatedSeedsAndSweptEncoders() {
    SuiteSpec s = SuiteSpec.parse("""
        name: seeds
        seeds: 3
        train: {steps: 10, checkpoints: [5, 20], batchSize: 4}
        sweep:
          encoder: [{preset: tiny}, {preset: tiny, attention: bidirectional, pooling: mean}]
          steps: [10, 30]
        tasks: [sts/STSBenchmark]
        """, "test");
    List<CellSpec> cells = SuiteGrid.expand(s, "ctx");
    assertEquals(2 * 2 * 3, cells.size());
    assertEquals(3, cells.stream().map(c -> c.train().seed()).distinct().count());
    CellSpec shortRun = cells.stream().filter(c -> c.train().steps() == 10).findFirst().orElseThrow();
    assertEquals(List.of(5, 10), shortRun.train().checkpoints(), "checkpoints beyond the budget are dropped");
  }

  @Test
  void badValuesNameTheKeyAndTheAllowedValues() {
    var e = assertThrows(CptbenchException.class, () -> SuiteGrid.expand(SuiteSpec.parse(
        "name: x\ntasks: [a]\nsweep:\n  encoder: [{attention: sideways}]\n", "f.yaml"), "c"));
    assertTrue(e.getMessage().contains("sweep.encoder[0].attention: unknown value 'sideways'; allowed: [causal, "
        + "bidirectional]"), e.getMessage());
    e = assertThrows(CptbenchException.class, () -> SuiteSpec.parse("name: x\ntasks: [a]\ntrain: {steps: -1}\n",
        "f.yaml"));
    assertTrue(e.getMessage().contains("train.steps: -1 must be >= 1"), e.getMessage());
    e = assertThrows(CptbenchException.class, () -> SuiteSpec.parse(
        "name: x\ntasks: [a]\ntrain: {temperature: {learned: 0.07, fixed: 0.1}}\n", "f.yaml"));
    assertTrue(e.getMessage().contains("give exactly one of learned: T or fixed: T"), e.getMessage());
    e = assertThrows(CptbenchException.class, () -> Suites.load("no-such-suite"));
    assertTrue(e.getMessage().contains("neither a built-in suite [quick, paper, code] nor a file"), e.getMessage());
  }
}
