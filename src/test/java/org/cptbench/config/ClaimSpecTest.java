package org.cptbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.run.SuiteGrid;
import org.junit.jupiter.api.Test;

/** The suite's {@code claims:} key: binding, and errors that name file, key path, value and what is allowed. */
class ClaimSpecTest {
  private static SuiteSpec parse(String claims) {
    return SuiteSpec.parse("""
        name: t
        sweep: {batchSize: [32, 128]}
        tasks: [builtin/code-search, sts/STSBenchmark]
        claims:
        %s
        """.formatted(claims.indent(2)), "f.yaml");
  }

  private static String error(String claims) {
    return assertThrows(CptbenchException.class, () -> SuiteGrid.expand(parse(claims), "x")).getMessage();
  }

  @Test
  void bindsGroupsListsStepsAndFinal() {
    SuiteSpec s = parse("""
        - {id: batch, paper: "Larger batches help.", compare: {better: {batchSize: 128}, worse: {batchSize: 32}},
           tasks: code}
        - {id: longer, paper: "p", compare: {better: {step: 400}, worse: {step: 50}}, tasks: [sts/STSBenchmark],
           at: 100}
        """);
    ClaimSpec a = s.claims().get(0);
    assertEquals("batch", a.id());
    assertEquals("code", a.group());
    assertEquals(Map.of("batchSize", "128"), a.better().cell());
    assertNull(a.stepOf(a.better()));
    assertTrue(a.includes("builtin/code-search", "code"));
    assertTrue(!a.includes("sts/STSBenchmark", "sts"));
    ClaimSpec b = s.claims().get(1);
    assertEquals(List.of("sts/STSBenchmark"), b.taskNames());
    assertEquals(400, b.stepOf(b.better()));
    assertEquals(50, b.stepOf(b.worse()));
    assertEquals(2, SuiteGrid.expand(s, "x").size());
  }

  @Test
  void searchGroupCoversRetrievalAndQa() {
    ClaimSpec c = parse("- {id: s, paper: p, compare: {better: {batchSize: 128}, worse: {batchSize: 32}},"
        + " tasks: search}").claims().getFirst();
    assertTrue(c.includes("beir/x", "retrieval"));
    assertTrue(c.includes("qa/nq", "qa"));
    assertTrue(!c.includes("builtin/code-search", "code"));
  }

  @Test
  void badClaimsNameFileKeyValueAndAllowed() {
    String ok = "compare: {better: {batchSize: 128}, worse: {batchSize: 32}}";
    assertEquals("f.yaml: claims[0].colour: unknown key; allowed keys here: [at, compare, id, paper, tasks]",
        error("- {id: a, paper: p, " + ok + ", tasks: code, colour: red}"));
    assertEquals("f.yaml: claims[0].tasks: 'searches' is not allowed; allowed: one of [search, sts, probe, code]"
        + " or a list of task names", error("- {id: a, paper: p, " + ok + ", tasks: searches}"));
    assertEquals("f.yaml: claims[0].at: 'last' is not allowed; allowed: final or a checkpoint step (an integer"
        + " >= 1)", error("- {id: a, paper: p, " + ok + ", tasks: code, at: last}"));
    assertTrue(error("- {id: a, paper: p, compare: {better: {batch: 128}, worse: {batchSize: 32}}, tasks: code}")
        .startsWith("f.yaml: claims[0].compare.better.batch: unknown key; allowed keys here: [attention,"));
    assertEquals("f.yaml: claims[0].compare.worse: {batchSize=64} selects no cell of this suite; values here:"
        + " batchSize: [32, 128]",
        error("- {id: a, paper: p, compare: {better: {batchSize: 128}, worse: {batchSize: 64}}, tasks: code}"));
    assertEquals("f.yaml: claims[0].tasks: 'beir/nq' is not a task of this suite; allowed: [builtin/code-search,"
        + " sts/STSBenchmark] and optional []", error("- {id: a, paper: p, " + ok + ", tasks: [beir/nq]}"));
    assertEquals("f.yaml: claims[1].id: 'a' is used by another claim; ids must be unique",
        error("- {id: a, paper: p, " + ok + ", tasks: code}\n- {id: a, paper: q, " + ok + ", tasks: sts}"));
    assertEquals("f.yaml: claims[0]: paper: missing; a claim needs id, paper, compare and tasks",
        error("- {id: a, " + ok + ", tasks: code}"));
    assertEquals("f.yaml: claims[0].compare: better and worse select the same cells {batchSize=32}",
        error("- {id: a, paper: p, compare: {better: {batchSize: 32}, worse: {batchSize: 32}}, tasks: code}"));
  }
}
