package org.cptbench.data.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cptbench.data.corpus.TextPair;
import org.cptbench.data.corpus.WordNetReader.Synset;
import org.junit.jupiter.api.Test;

class BuiltinDataTest {
  private static void assumeJars(List<String> libraries) {
    for (String lib : libraries) {
      assumeTrue(
          MavenJars.find(MavenJars.Coordinates.parse(lib + ":sources")).isPresent(),
          lib + ":sources not on the class path or in ~/.m2 (see the pom snippet in the report)");
    }
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
    assertTrue(task.queries().size() > 500, "queries: " + task.queries().size());
    assertTrue(task.docs().size() >= task.queries().size());
    // held-out synsets contribute no training pair
    Set<String> heldHeads = new HashSet<>(task.queries());
    assertTrue(pairs.stream().noneMatch(p -> heldHeads.contains(p.x()) && task.docs().contains(p.y())));
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
    assertTrue(task.docs().size() > 500, "docs: " + task.docs().size());
    assertTrue(task.queries().size() > 400, "queries: " + task.queries().size());
    for (String did : task.docIds()) {
      String lib = did.substring(0, did.indexOf('/'));
      assertTrue(BuiltinData.HELD_OUT_LIBRARIES.contains(lib), did);
    }
    Set<String> trainCode = new HashSet<>();
    pairs.forEach(p -> trainCode.add(BuiltinData.normalize(p.y())));
    assertTrue(
        task.docs().stream().noneMatch(d -> trainCode.contains(BuiltinData.normalize(d))),
        "no held-out method is a training document");
    BuiltinData.clearCache();
    assertEquals(task, BuiltinData.codeSearchTask(), "a fresh scan gives the same task");
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
    assertEquals(List.of("q0", "q1"), t.queryIds());
    assertEquals(List.of("Returns the value.", "Sorts the list."), t.queries());
    assertEquals(Set.of("l/a#L1", "l/a#L5"), t.qrels().get("q0").keySet());
    assertEquals(1, t.qrels().get("q1").get("l/b#L1"));
  }
}
