package org.cptbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskFolderTest {
  @TempDir Path tmp;

  private void write(String rel, String s) throws IOException {
    Path f = tmp.resolve(rel);
    Files.createDirectories(f.getParent());
    Files.writeString(f, s);
  }

  @Test
  void detectsEachKindFromFiles() throws IOException {
    write("senteval/CR/custrev.pos", "good\n");
    write("senteval/CR/custrev.neg", "bad\n");
    write("sts/STS12/STS.input.MSRpar.txt", "a\tb\n");
    write("sts/STS12/STS.gs.MSRpar.txt", "1\n");
    write("beir/x/corpus.jsonl", "{\"_id\":\"1\",\"text\":\"t\"}\n");
    write("beir/x/queries.jsonl", "{\"_id\":\"1\",\"text\":\"t\"}\n");
    write("openqa/nq/NQ-open.dev.jsonl", "{\"question\":\"q\",\"answer\":[\"a\"]}\n");
    write("openqa/dpr/topics.dpr.nq.test.txt", "q\t['a']\r\n");
    assertEquals(TaskKind.PROBE, TaskFolder.detect(tmp, "senteval/CR").kind());
    assertEquals(TaskKind.STS, TaskFolder.detect(tmp, "sts/STS12").kind());
    assertEquals(TaskKind.RETRIEVAL, TaskFolder.detect(tmp, "beir/x").kind());
    assertEquals(TaskKind.QA, TaskFolder.detect(tmp, "openqa/nq").kind());
    TaskFolder file = TaskFolder.detect(tmp, "openqa/dpr/topics.dpr.nq.test.txt");
    assertEquals(TaskKind.QA, file.kind());
    assertEquals(tmp.resolve("openqa/dpr/topics.dpr.nq.test.txt"), file.path());
  }

  @Test
  void unknownLayoutListsFilesAndFormats() throws IOException {
    write("odd/notes.md", "x\n");
    write("odd/sub/a.txt", "x\n");
    CptbenchException e = assertThrows(CptbenchException.class, () -> TaskFolder.detect(tmp, "odd"));
    String m = e.getMessage();
    assertTrue(m.contains("[notes.md, sub/]"), m);
    assertTrue(m.contains("corpus.jsonl") && m.contains("SICK.txt"), m);
    assertTrue(m.contains("<stem>.pos") && m.contains("psgs_w100.tsv"), m);
  }

  @Test
  void missingFolderNamesDataDirSetting() {
    CptbenchException e = assertThrows(CptbenchException.class, () -> TaskFolder.detect(tmp, "sts/STS99"));
    assertTrue(e.getMessage().contains(tmp.resolve("sts/STS99").toString()), e.getMessage());
    assertTrue(e.getMessage().contains("--data-dir") && e.getMessage().contains(DataDir.ENV), e.getMessage());
  }

  @Test
  void taskNameMustStayInsideDataDir() {
    CptbenchException e = assertThrows(CptbenchException.class, () -> TaskFolder.detect(tmp, "../elsewhere"));
    assertTrue(e.getMessage().contains("relative path inside the data dir"), e.getMessage());
  }

  @Test
  void msMarcoQueriesWithoutPassages() throws IOException {
    write("msmarco-dev-small/topics.msmarco-passage.dev-subset.txt", "2\tq\n");
    write("msmarco-dev-small/qrels.msmarco-passage.dev-subset.txt", "2 0 7 1\n");
    CptbenchException e = assertThrows(CptbenchException.class, () -> TaskFolder.detect(tmp, "msmarco-dev-small"));
    assertTrue(e.getMessage().contains("no passage collection"), e.getMessage());
  }

  @Test
  void sharedDataFolders() {
    Path data = TestData.dir();
    Map<String, TaskKind> expected =
        Map.ofEntries(
            Map.entry("senteval/MR", TaskKind.PROBE),
            Map.entry("senteval/SUBJ", TaskKind.PROBE),
            Map.entry("senteval/SST2", TaskKind.PROBE),
            Map.entry("senteval/TREC", TaskKind.PROBE),
            Map.entry("senteval/MRPC", TaskKind.PROBE),
            Map.entry("sts/STS12", TaskKind.STS),
            Map.entry("sts/STS16", TaskKind.STS),
            Map.entry("sts/STSBenchmark", TaskKind.STS),
            Map.entry("sts/SICK", TaskKind.STS),
            Map.entry("beir/msmarco-dl19-mini", TaskKind.RETRIEVAL),
            Map.entry("beir/climate-fever-mini", TaskKind.RETRIEVAL),
            Map.entry("openqa/nq-open", TaskKind.QA),
            Map.entry("openqa/dpr-format", TaskKind.QA));
    expected.forEach(
        (name, kind) -> {
          TestData.require(name);
          assertEquals(kind, TaskFolder.detect(data, name).kind(), name);
        });
    TestData.require("msmarco-dev-small");
    assertThrows(CptbenchException.class, () -> TaskFolder.detect(data, "msmarco-dev-small"));
  }
}
