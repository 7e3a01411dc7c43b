package org.cptbench.data.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cptbench.data.LoadReport;
import org.cptbench.data.corpus.TextPair;
import org.cptbench.data.corpus.WordNetReader.Synset;
import org.cptbench.data.retrieval.RetrievalTask;
import org.junit.jupiter.api.Test;

class BuiltinDataTest {
  private static void assumeJars(List<String> libraries) {
    for (String lib : libraries) {
      assumeTrue(
          MavenJars.find(MavenJars.Coordinates.parse(lib + ":sources")).isPresent(),
          lib + ":sources not on the class path or in ~/.m2 (see the pom snippet in the report)");
    }
  }

  /** Same name, format, report, corpus and queries (ids, texts, in order) and judgments. */
  private static void assertSameTask(RetrievalTask expected, RetrievalTask actual, String message) {
    assertEquals(expected.name(), actual.name(), message + ": name");
    assertEquals(expected.format(), actual.format(), message + ": format");
    assertEquals(expected.corpus().ids(), actual.corpus().ids(), message + ": doc ids");
    assertEquals(expected.corpus().texts(), actual.corpus().texts(), message + ": docs");
    assertEquals(expected.corpus().subsample(), actual.corpus().subsample(), message + ": subsample");
    assertEquals(expected.queries().ids(), actual.queries().ids(), message + ": query ids");
    assertEquals(expected.queries().texts(), actual.queries().texts(), message + ": queries");
    assertEquals(expected.qrels().asMap(), actual.qrels().asMap(), message + ": qrels");
    assertEquals(expected.report(), actual.report(), message + ": report");
  }

  @Test
  void wordnet31FromTheClasspath() {
    List<Synset> all = BuiltinData.wordnetSynsets();
    // WordNet 3.1 data files: non-header lines of data.noun/verb/adj/adv (82,192 nouns counted with Python)
    assertEquals(82192, all.stream().filter(s -> s.id().startsWith("wordnet:noun:")).count());
    List<TextPair> pairs = BuiltinData.wordnetPairs();
    assertTrue(pairs.size() > 40_000, "pairs: " + pairs.size());
    assertEquals(pairs, BuiltinData.wordnetPairs(), "stable");
    RetrievalTask task = BuiltinData.wordnetTask();
    assertEquals("builtin/wordnet-examples", task.name(), "the name evaluation results carry");
    assertEquals("builtin", task.format());
    assertEquals(LoadReport.empty(), task.report());
    assertTrue(task.queries().size() > 500, "queries: " + task.queries().size());
    assertTrue(task.corpus().size() >= task.queries().size());
    // held-out synsets contribute no training pair
    Set<String> heldHeads = new HashSet<>(task.queries().texts());
    Set<String> heldDocs = new HashSet<>(task.corpus().texts());
    assertTrue(pairs.stream().noneMatch(p -> heldHeads.contains(p.x()) && heldDocs.contains(p.y())));
  }

  @Test
  void codeTrainPairsAndHeldOutTaskFromDisjointLibraries() {
    assumeJars(BuiltinData.TRAIN_LIBRARIES);
    assumeJars(BuiltinData.HELD_OUT_LIBRARIES);
    Set<String> train = new HashSet<>(BuiltinData.TRAIN_LIBRARIES);
    assertTrue(BuiltinData.HELD_OUT_LIBRARIES.stream().noneMatch(train::contains));
    Set<String> trainArtifacts = new HashSet<>();
    BuiltinData.TRAIN_LIBRARIES.forEach(l -> trainArtifacts.add(l.split(":")[1]));
    assertTrue(BuiltinData.HELD_OUT_LIBRARIES.stream().noneMatch(l -> trainArtifacts.contains(l.split(":")[1])));

    List<TextPair> pairs = BuiltinData.codeTrainPairs();
    assertTrue(pairs.size() > 5000, "train pairs: " + pairs.size());
    RetrievalTask task = BuiltinData.codeSearchTask();
    assertEquals("builtin/code-search", task.name(), "the name evaluation results carry");
    assertTrue(task.corpus().size() > 500, "docs: " + task.corpus().size());
    assertTrue(task.queries().size() > 400, "queries: " + task.queries().size());
    for (String did : task.corpus().ids()) {
      String lib = did.substring(0, did.indexOf('/'));
      assertTrue(BuiltinData.HELD_OUT_LIBRARIES.contains(lib), did);
    }
    Set<String> trainCode = new HashSet<>();
    Set<String> trainDocs = new HashSet<>();
    pairs.forEach(p -> trainCode.add(BuiltinData.normalize(p.y())));
    pairs.forEach(p -> trainDocs.add(org.cptbench.data.code.DocstringText.normalized(p.x())));
    assertTrue(
        task.corpus().texts().stream().noneMatch(d -> trainCode.contains(BuiltinData.normalize(d))),
        "no held-out method is a training document");
    assertTrue(
        task.queries().texts().stream()
            .noneMatch(q -> trainDocs.contains(org.cptbench.data.code.DocstringText.normalized(q))),
        "no held-out query is a training summary (commons-text copies commons-lang3 classes)");
    long byDoc = task.report().count("nearDuplicatesRemoved.docstring");
    long byCode = task.report().count("nearDuplicatesRemoved.code");
    assertTrue(byDoc > 100 && byCode > 0, "near duplicates removed: docstring " + byDoc + ", code " + byCode);
    assertEquals(task.corpus().size() + byDoc + byCode, task.report().count("heldOutMethods"));
    BuiltinData.clearCache();
    assertSameTask(task, BuiltinData.codeSearchTask(), "a fresh scan gives the same task");
    assertEquals(pairs, BuiltinData.codeTrainPairs(), "a fresh scan gives the same pairs");
  }

  @Test
  void codeSearchTaskMergesQueriesWithTheSameSummary() {
    List<CodeMethod> ms =
        List.of(
            new CodeMethod("l/a#L1", "l", "p.A.f", "Returns the value.", "int f() {\n return 1;\n}"),
            new CodeMethod("l/a#L5", "l", "p.A.f", "Returns the value.", "int f(int x) {\n return x;\n}"),
            new CodeMethod("l/b#L1", "l", "p.B.g", "Sorts the list.", "void g() {\n sort();\n}"));
    RetrievalTask t = BuiltinData.codeSearchTask(ms);
    assertEquals(List.of("q0", "q1"), t.queries().ids());
    assertEquals(List.of("Returns the value.", "Sorts the list."), t.queries().texts());
    assertEquals(List.of("l/a#L1", "l/a#L5", "l/b#L1"), t.corpus().ids());
    assertEquals(Map.of("l/a#L1", 1, "l/a#L5", 1), t.qrels().judgments("q0"));
    assertEquals(Map.of("l/b#L1", 1), t.qrels().judgments("q1"));
  }
}
