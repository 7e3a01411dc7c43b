package org.cptbench.data.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.data.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BEIR and MS MARCO layouts on small files written in the exact formats. */
class RetrievalFormatsTest {
  @TempDir Path tmp;

  private static void write(Path f, String s) throws IOException {
    Files.createDirectories(f.getParent());
    Files.writeString(f, s, StandardCharsets.UTF_8);
  }

  private Path beir(String qrels) throws IOException {
    Path d = tmp.resolve("beir-set");
    write(
        d.resolve("corpus.jsonl"),
        "{\"_id\": \"d1\", \"title\": \"Title One\", \"text\": \"line\u2028separator inside\", \"metadata\": {}}\n"
            + "{\"_id\": \"d 2\", \"title\": \"\", \"text\": \" body two \"}\n"
            + "{\"_id\": 3, \"text\": \"no title\u0085 field\"}\n");
    write(
        d.resolve("queries.jsonl"),
        "{\"_id\": \"q1\", \"text\": \"first?\"}\n{\"_id\": \"q2\", \"text\": \"second?\"}\n"
            + "{\"_id\": \"q3\", \"text\": \"unjudged\"}\n");
    write(d.resolve("qrels/test.tsv"), qrels);
    return d;
  }

  @Test
  void beirWithHeaderAndUnicodeSeparators() throws IOException {
    Path d = beir("query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td 2\t2\nq2\t3\t0\n");
    RetrievalTask t = RetrievalLoader.load(d, null, CorpusSampling.KEEP_ALL);
    assertEquals(List.of("d1", "d 2", "3"), t.corpus().ids());
    assertEquals(
        List.of("Title One line\u2028separator inside", "body two", "no title\u0085 field"), t.corpus().texts());
    assertEquals(List.of("q1", "q2"), t.queries().ids());
    assertEquals(Map.of("d 2", 2, "3", 0), t.qrels().judgments("q2"));
    assertEquals(1, t.report().count("queries.unjudged"));
    assertEquals(0, t.report().count("qrels.unknownDocumentJudgments"));
  }

  @Test
  void beirWithoutHeaderKeepsFirstJudgment() throws IOException {
    Path d = beir("q1\td1\t1\nq2\td 2\t2\n");
    RetrievalTask t = RetrievalLoader.load(d, "test", CorpusSampling.KEEP_ALL);
    assertEquals(2, t.qrels().numJudgments());
    assertEquals(Map.of("d1", 1), t.qrels().judgments("q1"));
  }

  @Test
  void unknownDocumentsAndQueriesAreCountedNotDropped() throws IOException {
    Path d = beir("q1\td1\t1\nq1\tgone\t2\nq9\td1\t1\nq9\td 2\t1\nq2\td1\t0\n");
    RetrievalTask t = RetrievalLoader.load(d, "test", CorpusSampling.KEEP_ALL);
    assertEquals(1, t.report().count("qrels.unknownDocumentJudgments"));
    assertEquals(1, t.report().count("qrels.unknownQueries"));
    assertEquals(2, t.report().count("qrels.unknownQueryJudgments"));
    assertEquals(1, t.report().count("qrels.queriesWithoutRelevant")); // q2 has only grade 0
    assertEquals(Map.of("d1", 1, "gone", 2), t.qrels().judgments("q1")); // kept: relevant but unretrievable
    assertEquals(List.of("q1", "q2"), t.queries().ids());
    assertTrue(t.report().warnings().stream().anyMatch(w -> w.contains("[gone]")), t.report().warnings().toString());
  }

  @Test
  void noJudgedQueryOrEmptyCorpusIsAnError() throws IOException {
    Path d = beir("x1\td1\t1\n");
    CptbenchException e =
        assertThrows(CptbenchException.class, () -> RetrievalLoader.load(d, "test", CorpusSampling.KEEP_ALL));
    assertTrue(e.getMessage().contains(d.toString()) && e.getMessage().contains("no judged queries"), e.getMessage());
    write(d.resolve("qrels/test.tsv"), "q1\td1\t1\n");
    write(d.resolve("corpus.jsonl"), "\n");
    e = assertThrows(CptbenchException.class, () -> RetrievalLoader.load(d, "test", CorpusSampling.KEEP_ALL));
    assertTrue(e.getMessage().contains("empty corpus in " + d), e.getMessage());
  }

  @Test
  void malformedLinesNameFileAndLine() throws IOException {
    Path d = beir("q1\td1\t1\nq2\td 2\thigh\n");
    MalformedInputException e =
        assertThrows(MalformedInputException.class, () -> RetrievalLoader.load(d, "test", CorpusSampling.KEEP_ALL));
    assertEquals(d.resolve("qrels/test.tsv"), e.file());
    assertEquals(2, e.line());
    write(d.resolve("qrels/test.tsv"), "q1\td1\n");
    e = assertThrows(MalformedInputException.class, () -> RetrievalLoader.load(d, "test", CorpusSampling.KEEP_ALL));
    assertEquals(1, e.line());
    write(d.resolve("qrels/test.tsv"), "q1\td1\t1\n");
    write(d.resolve("corpus.jsonl"), "{\"_id\": \"d1\", \"text\": \"x\"}\n{\"_id\": \"d2\", \"text\": \n");
    e = assertThrows(MalformedInputException.class, () -> RetrievalLoader.load(d, "test", CorpusSampling.KEEP_ALL));
    assertEquals(d.resolve("corpus.jsonl"), e.file());
    assertEquals(2, e.line());
    write(d.resolve("corpus.jsonl"), "{\"_id\": \"d1\", \"text\": \"x\"}\n{\"_id\": \"d1\", \"text\": \"y\"}\n");
    e = assertThrows(MalformedInputException.class, () -> RetrievalLoader.load(d, "test", CorpusSampling.KEEP_ALL));
    assertTrue(e.getMessage().contains("duplicate document id 'd1' (first at line 1)"), e.getMessage());
    write(d.resolve("corpus.jsonl"), "{\"_id\": \"d1\", \"title\": \"t\"}\n");
    e = assertThrows(MalformedInputException.class, () -> RetrievalLoader.load(d, "test", CorpusSampling.KEEP_ALL));
    assertTrue(e.getMessage().contains("\"text\""), e.getMessage());
  }

  @Test
  void missingSplitListsAvailableQrels() throws IOException {
    Path d = beir("q1\td1\t1\n");
    CptbenchException e =
        assertThrows(CptbenchException.class, () -> RetrievalLoader.load(d, "dev", CorpusSampling.KEEP_ALL));
    assertTrue(e.getMessage().contains("[test.tsv]"), e.getMessage());
  }

  private Path bigBeir(String qrels) throws IOException {
    Path d = tmp.resolve("big");
    StringBuilder corpus = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      corpus.append("{\"_id\": \"d").append(i).append("\", \"text\": \"doc ").append(i).append("\"}\n");
    }
    write(d.resolve("corpus.jsonl"), corpus.toString());
    write(d.resolve("queries.jsonl"), "{\"_id\": \"a\", \"text\": \"A\"}\n{\"_id\": \"b\", \"text\": \"B\"}\n");
    write(d.resolve("qrels/test.tsv"), qrels);
    return d;
  }

  @Test
  void subsamplingKeepsJudgedPlusSeededDistractorsInFileOrder() throws IOException {
    Path d = bigBeir("a\td150\t1\na\td7\t0\nb\td99\t2\nb\tmissing\t1\n");
    RetrievalCorpus c1 = RetrievalLoader.load(d, "test", CorpusSampling.distractors(10, 42)).corpus();
    assertEquals(13, c1.size());
    assertEquals(new Subsample(200, 3, 10, 42), c1.subsample());
    assertTrue(c1.contains("d150") && c1.contains("d7") && c1.contains("d99"));
    List<Integer> positions =
        c1.ids().stream().map(id -> Integer.parseInt(id.substring(1))).toList();
    assertEquals(positions.stream().sorted().toList(), positions);
    // same seed -> same sample, also when the qrels list the same judgments in another order
    write(d.resolve("qrels/test.tsv"), "b\tmissing\t1\nb\td99\t2\na\td7\t0\na\td150\t1\n");
    RetrievalCorpus c2 = RetrievalLoader.load(d, "test", CorpusSampling.distractors(10, 42)).corpus();
    assertEquals(c1.ids(), c2.ids());
    RetrievalCorpus c3 = RetrievalLoader.load(d, "test", CorpusSampling.distractors(10, 43)).corpus();
    assertNotEquals(c1.ids(), c3.ids());
    // more distractors than available keeps everything
    RetrievalCorpus all = RetrievalLoader.load(d, "test", CorpusSampling.distractors(1000, 1)).corpus();
    assertEquals(200, all.size());
    assertEquals(new Subsample(200, 3, 197, 1), all.subsample());
    RetrievalCorpus none = RetrievalLoader.load(d, "test", CorpusSampling.distractors(0, 1)).corpus();
    assertEquals(List.of("d7", "d99", "d150"), none.ids());
  }

  @Test
  void samplingOptionsValidate() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CorpusSampling.distractors(-1, 0));
    assertTrue(e.getMessage().contains("-1"));
    assertTrue(CorpusSampling.KEEP_ALL.keepAll());
  }

  @Test
  void msMarcoTsvWithU2028AndTrecQrels() throws IOException {
    Path d = tmp.resolve("msmarco");
    write(
        d.resolve("collection.tsv"),
        "0\tThe presence\u2028of communication\r\n1\tA second\u0085 passage\n2\tthird\n");
    write(d.resolve("queries.dev.small.tsv"), "1048585\twhat is paula deen's brother\n2\t Androgen receptor define\n");
    write(d.resolve("queries.train.tsv"), "5\tignored\n");
    write(d.resolve("qrels.dev.small.tsv"), "1048585\t0\t1\t1\n2 0 0 1\n");
    write(d.resolve("qrels.train.tsv"), "5\t0\t2\t1\n");
    RetrievalTask t = RetrievalLoader.load(d, "dev.small", CorpusSampling.KEEP_ALL);
    assertEquals("msmarco", t.format());
    assertEquals(List.of("0", "1", "2"), t.corpus().ids());
    assertEquals("The presence\u2028of communication", t.corpus().text("0"));
    assertEquals("A second\u0085 passage", t.corpus().text("1"));
    assertEquals(" Androgen receptor define", t.queries().text("2"));
    assertEquals(Map.of("1", 1), t.qrels().judgments("1048585"));
    CptbenchException e =
        assertThrows(CptbenchException.class, () -> RetrievalLoader.load(d, null, CorpusSampling.KEEP_ALL));
    assertTrue(e.getMessage().contains("several queries files"), e.getMessage());
    write(d.resolve("collection.tsv"), "0\tok\nno-tab-here\n");
    MalformedInputException m =
        assertThrows(MalformedInputException.class, () -> RetrievalLoader.load(d, "train", CorpusSampling.KEEP_ALL));
    assertEquals(2, m.line());
  }

  @Test
  void msMarcoWithoutCollectionSaysSo() throws IOException {
    Path d = tmp.resolve("msmarco-dev-small");
    write(d.resolve("topics.msmarco-passage.dev-subset.txt"), "2\tq\n");
    write(d.resolve("qrels.msmarco-passage.dev-subset.txt"), "2 0 0 1\n");
    CptbenchException e =
        assertThrows(CptbenchException.class, () -> RetrievalLoader.load(d, null, CorpusSampling.KEEP_ALL));
    assertTrue(e.getMessage().contains("no passage collection collection.tsv"), e.getMessage());
  }

  @Test
  void qrelsDuplicatesAreReported() throws IOException {
    Path d = beir("q1\td1\t1\nq1\td1\t2\n");
    RetrievalTask t = RetrievalLoader.load(d, "test", CorpusSampling.KEEP_ALL);
    assertEquals(Map.of("d1", 2), t.qrels().judgments("q1"));
    assertEquals(1, t.report().count("test.tsv.duplicateJudgments"));
    assertTrue(
        t.report().warnings().stream().anyMatch(w -> w.contains("last grade was kept")),
        t.report().warnings().toString());
    assertNull(t.corpus().subsample());
  }
}
