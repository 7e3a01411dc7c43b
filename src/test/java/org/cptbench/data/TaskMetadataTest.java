package org.cptbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task's kind, main metric, relevance level and split come from its task.yaml or catalog card, never its name. */
class TaskMetadataTest {
  @TempDir Path tmp;

  /** A BEIR folder laid out like {@code beir/msmarco-dl19-mini}: graded qrels without a header. */
  private void beir(String name) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name).resolve("qrels"));
    Files.writeString(dir.getParent().resolve("corpus.jsonl"), "{\"_id\":\"d1\",\"title\":\"\",\"text\":\"t\"}\n");
    Files.writeString(dir.getParent().resolve("queries.jsonl"), "{\"_id\":\"q1\",\"text\":\"t\"}\n");
    Files.writeString(dir.resolve("test.tsv"), "q1\td1\t2\n");
  }

  @Test
  void folderWithoutCardOrDescriptionGetsTheDefaultsOfItsFormat() throws IOException {
    beir("beir/trec-dl-2020-passages"); // a name that once meant relevance level 2
    TaskMetadata m = TaskFolder.detect(tmp, "beir/trec-dl-2020-passages").metadata();
    assertEquals(TaskKind.RETRIEVAL, m.kind());
    assertNull(m.mainMetric());
    assertEquals("nDCG@10", m.mainMetric(List.of("MRR@10", "nDCG@10")));
    assertEquals(1, m.relevanceLevel());
    assertEquals("test", m.split());
    assertTrue(m.source().contains("detected from the files"), m.source());
  }

  @Test
  void catalogCardDeclaresMainMetricAndRelevanceLevel() throws IOException {
    beir("beir/msmarco-dl19-mini");
    TaskMetadata m = TaskFolder.detect(tmp, "beir/msmarco-dl19-mini").metadata();
    assertEquals(TaskKind.RETRIEVAL, m.kind());
    assertEquals("nDCG@10", m.mainMetric(List.of("MRR@10", "nDCG@10")));
    assertEquals(2, m.relevanceLevel());
    assertEquals("catalog card beir/msmarco-dl19-mini", m.source());
    assertEquals("nDCG@10", TaskMetadata.declaredMainMetric("beir/msmarco-dl19-mini"));
    assertEquals("MRR@10", TaskMetadata.declaredMainMetric("msmarco-dev-small"));
    assertNull(TaskMetadata.declaredMainMetric("sts/STSBenchmark")); // catalogued, the kind's default applies
  }

  @Test
  void folderDescriptionDeclaresEverythingUnderAnyName() throws IOException {
    beir("graded/passages");
    Files.writeString(tmp.resolve("graded/passages/qrels/dev.tsv"), "q1\td1\t1\n");
    Files.writeString(tmp.resolve("graded/passages/task.yaml"), """
        # how this folder is evaluated
        kind: retrieval
        mainMetric: MRR@10
        relevanceLevel: 2
        split: dev
        """);
    TaskFolder f = TaskFolder.detect(tmp, "graded/passages");
    assertEquals(TaskKind.RETRIEVAL, f.kind());
    assertEquals("MRR@10", f.metadata().mainMetric(List.of("nDCG@10", "MRR@10")));
    assertEquals(2, f.metadata().relevanceLevel());
    assertEquals("dev", f.metadata().split());
    assertEquals(tmp.resolve("graded/passages/task.yaml").toString(), f.metadata().source());
    CptbenchException e = assertThrows(CptbenchException.class, () -> f.metadata().mainMetric(List.of("nDCG@10")));
    assertTrue(e.getMessage().contains("main metric 'MRR@10' (declared by " + tmp.resolve("graded/passages/task.yaml")
        + ") is not among the metrics a retrieval task reports: [nDCG@10]"), e.getMessage());
  }

  @Test
  void folderDescriptionOverridesTheCardKeyByKey() throws IOException {
    beir("beir/msmarco-dl19-mini");
    Files.writeString(tmp.resolve("beir/msmarco-dl19-mini/task.yaml"), "mainMetric: R@100\n");
    TaskMetadata m = TaskFolder.detect(tmp, "beir/msmarco-dl19-mini").metadata();
    assertEquals("R@100", m.mainMetric(List.of("nDCG@10", "R@100")));
    assertEquals(2, m.relevanceLevel()); // still the card's
  }

  @Test
  void declaredKindMustMatchTheFiles() throws IOException {
    beir("graded/passages");
    Files.writeString(tmp.resolve("graded/passages/task.yaml"), "kind: sts\n");
    CptbenchException e = assertThrows(CptbenchException.class, () -> TaskFolder.detect(tmp, "graded/passages"));
    assertTrue(e.getMessage().contains("no sts layout (declared by " + tmp.resolve("graded/passages/task.yaml")), e
        .getMessage());
    assertTrue(e.getMessage().contains("corpus.jsonl"), e.getMessage());
  }

  @Test
  void badDescriptionNamesFileLineKeyAndAllowed() throws IOException {
    beir("graded/passages");
    Path file = tmp.resolve("graded/passages/task.yaml");
    Files.writeString(file, "kind: retrieval\nmainMetrik: MRR@10\n");
    String m = assertThrows(CptbenchException.class, () -> TaskFolder.detect(tmp, "graded/passages")).getMessage();
    assertTrue(m.startsWith(file + ":2: unknown key 'mainMetrik'"), m);
    assertTrue(m.contains("allowed keys: [kind, mainMetric, relevanceLevel, split]"), m);
    Files.writeString(file, "kind: ranking\n");
    m = assertThrows(CptbenchException.class, () -> TaskFolder.detect(tmp, "graded/passages")).getMessage();
    assertTrue(m.startsWith(file.toString()) && m.contains("kind: 'ranking' is not a task kind; allowed: probe, sts,"
        + " retrieval, qa, code"), m);
    Files.writeString(file, "relevanceLevel: 0\n");
    m = assertThrows(CptbenchException.class, () -> TaskFolder.detect(tmp, "graded/passages")).getMessage();
    assertTrue(m.startsWith(file.toString()) && m.contains("relevanceLevel: 0, must be an integer >= 1"), m);
  }

  @Test
  void codeSearchMainMetricIsCsnMrrWhereTheProtocolRan() {
    TaskMetadata code = TaskMetadata.defaults(TaskKind.CODE);
    assertEquals("CSN-MRR", code.mainMetric(List.of("CSN-MRR", "MRR@10", "nDCG@10")));
    assertEquals("MRR@10", code.mainMetric(List.of("MRR@10", "nDCG@10"))); // full pool only (e.g. CoSQA)
  }
}
