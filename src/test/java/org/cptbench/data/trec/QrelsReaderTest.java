package org.cptbench.data.trec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cptbench.CptbenchException;
import org.cptbench.TestData;
import org.cptbench.data.LoadReport;
import org.cptbench.data.MalformedInputException;
import org.cptbench.data.trec.QrelsReader.Duplicates;
import org.cptbench.eval.TrecFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrelsReaderTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void readsTrecQrelsInStrcmpQueryOrder() throws IOException {
    Qrels q = QrelsReader.read(TrecFixture.writeQrels(dir));
    assertEquals(List.of("q1", "q2", "q3", "q4", "q5"), q.queryIds());
    assertEquals(9, q.numJudgments());
    assertEquals(Map.of("d1", 2, "d2", 0, "d3", 0, "d4", 3, "d5", 1), q.judgments("q1"));
    assertEquals(3, q.numRelevant("q1", 1));
    assertEquals(2, q.numRelevant("q1", 2));
    assertEquals(0, q.numRelevant("q5", 1));
    assertTrue(q.judgments("nope").isEmpty());
  }

  @Test
  void trecQrelsAcceptTabsCrlfCommentsBlankLinesAndQ0() throws IOException {
    Path f = write("q.txt", "# comment\r\n10\tQ0\tdA\t1\r\n\r\n9  0  dB  -1\r\n");
    Qrels q = QrelsReader.read(f);
    assertEquals(List.of("10", "9"), q.queryIds()); // strcmp order: "10" < "9"
    assertEquals(1, q.judgments("10").get("dA"));
    assertEquals(-1, q.judgments("9").get("dB"));
    assertEquals(0, q.numRelevant("9", 0)); // negative grade: in the pool, never relevant
  }

  @Test
  void readsBeirTsvWithHeaderAndSpacesInDocIds() throws IOException {
    Path f = write("test.tsv", "query-id\tcorpus-id\tscore\n0\tGlobal warming:14\t1\n0\tHabitat destruction:61\t2\n");
    Qrels q = QrelsReader.read(f);
    assertEquals(Map.of("Global warming:14", 1, "Habitat destruction:61", 2), q.judgments("0"));
  }

  @Test
  void readsBeirTsvWithoutHeader() throws IOException {
    Qrels q = QrelsReader.read(write("test.tsv", "19335\t1720389\t1\n19335\t1729\t2\n"));
    assertEquals(Map.of("1720389", 1, "1729", 2), q.judgments("19335"));
  }

  @Test
  void malformedTrecLineNamesFileLineAndExpectation() throws IOException {
    Path f = write("bad.txt", "q1 0 d1 1\nq1 0 d2\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> QrelsReader.read(f));
    assertEquals(f, e.file());
    assertEquals(2, e.line());
    assertTrue(e.getMessage().startsWith(f + ":2: "), e.getMessage());
    assertTrue(e.getMessage().contains("qid iter docid grade"), e.getMessage());
  }

  @Test
  void malformedBeirLineAndNonIntegerGrade() throws IOException {
    Path f = write("bad.tsv", "query-id\tcorpus-id\tscore\n1\tdoc\t1\n1\tdoc2\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> QrelsReader.read(f));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("query-id TAB corpus-id TAB score"), e.getMessage());

    Path g = write("grade.txt", "q1 0 d1 1\nq1 0 d2 1.5\n");
    MalformedInputException e2 = assertThrows(MalformedInputException.class, () -> QrelsReader.read(g));
    assertEquals(2, e2.line());
    assertTrue(e2.getMessage().contains("'1.5' is not an integer"), e2.getMessage());
  }

  @Test
  void duplicateJudgmentIsRejectedLikeTrecEval() throws IOException {
    Path f = write("dup.txt", "q1 0 d1 1\nq2 0 d1 1\nq1 0 d1 2\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> QrelsReader.read(f));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("first on line 1"), e.getMessage());
  }

  @Test
  void keepLastPolicyKeepsTheLastGradeAndReportsWhatItSkipped() throws IOException {
    Path f = write("test.tsv", "q1\td1\t1\n\nq2\td1\t1\n# note\n  \nq1\td1\t2\nq1\td1\t3\n");
    LoadReport.Builder b = new LoadReport.Builder();
    Qrels q = QrelsReader.read(f, Duplicates.KEEP_LAST, b);
    assertEquals(Map.of("d1", 3), q.judgments("q1"));
    assertEquals(2, q.numJudgments());
    LoadReport r = b.build();
    assertEquals(2, r.count("test.tsv.duplicateJudgments"));
    assertEquals(2, r.count("test.tsv.blankLines"));
    assertEquals(1, r.count("test.tsv.commentLines"));
    assertTrue(r.warnings().stream().anyMatch(w -> w.contains("the last grade was kept")), r.warnings().toString());
    // the same file under trec_eval semantics
    MalformedInputException e =
        assertThrows(
            MalformedInputException.class, () -> QrelsReader.read(f, Duplicates.REJECT, new LoadReport.Builder()));
    assertEquals(6, e.line());
    assertTrue(e.getMessage().contains("first on line 1"), e.getMessage());
  }

  @Test
  void keepLastStillRejectsMalformedLinesNamingFileAndLine() throws IOException {
    Path f = write("bad.tsv", "q1\td1\t1\nq1\td1\t1\nq2\td2\thigh\n");
    MalformedInputException e =
        assertThrows(
            MalformedInputException.class, () -> QrelsReader.read(f, Duplicates.KEEP_LAST, new LoadReport.Builder()));
    assertEquals(f, e.file());
    assertEquals(3, e.line());
    assertTrue(e.getMessage().startsWith(f + ":3: "), e.getMessage());
    Path empty = write("empty.tsv", "\n");
    CptbenchException n =
        assertThrows(
            CptbenchException.class, () -> QrelsReader.read(empty, Duplicates.KEEP_LAST, new LoadReport.Builder()));
    assertTrue(n.getMessage().contains("no judgments"), n.getMessage());
  }

  @Test
  void byteOrderMarkIsRemovedAndInvalidUtf8NamesTheLine() throws IOException {
    Qrels q = QrelsReader.read(write("bom.txt", "\uFEFFq1 0 d1 1\n"));
    assertEquals(List.of("q1"), q.queryIds());
    Path f = dir.resolve("latin1.txt");
    byte[] latin1 = "q1 0 d1 1\nq\u00e9 0 d 1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(f, latin1);
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> QrelsReader.read(f));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
  }

  @Test
  void judgedDocumentsCoverAllQueriesAndGrades() throws IOException {
    Qrels q = QrelsReader.read(write("q.txt", "q1 0 d1 1\nq1 0 d2 0\nq2 0 d1 2\nq2 0 d3 -1\n"));
    assertEquals(Set.of("d1", "d2", "d3"), q.judgedDocuments());
  }

  @Test
  void emptyOrMissingFileIsAClearError() throws IOException {
    Path f = write("empty.txt", "# only a comment\n\n");
    CptbenchException e = assertThrows(CptbenchException.class, () -> QrelsReader.read(f));
    assertTrue(e.getMessage().contains("no judgments"), e.getMessage());
    CptbenchException m =
        assertThrows(CptbenchException.class, () -> QrelsReader.read(dir.resolve("missing.txt")));
    assertTrue(m.getMessage().contains("does not exist"), m.getMessage());
  }

  @Test
  void inMemoryQrelsValidate() {
    assertThrows(CptbenchException.class, () -> Qrels.of(Map.of("q", Map.of())));
    assertThrows(CptbenchException.class, () -> Qrels.of(Map.of()));
    assertFalse(Qrels.of(Map.of("q", Map.of("d", 1))).contains("r"));
  }

  @Test
  void realDl19QrelsInBothFormats() {
    Path tsv = TestData.require("beir/msmarco-dl19-mini/qrels/test.tsv");
    Path trec = TestData.require("beir/msmarco-dl19-mini/qrels/qrels.dl19-passage.full-trec-format.txt");
    Qrels beir = QrelsReader.read(tsv);
    Qrels full = QrelsReader.read(trec);
    assertEquals(43, beir.numQueries());
    assertEquals(4102, beir.numJudgments());
    assertEquals(43, full.numQueries());
    assertEquals(9260, full.numJudgments());
    for (String qid : beir.queryIds()) {
      assertEquals(full.numRelevant(qid, 1), beir.numRelevant(qid, 1), qid);
      assertEquals(full.numRelevant(qid, 2), beir.numRelevant(qid, 2), qid);
    }
  }

  @Test
  void realClimateFeverQrelsHaveHeaderAndSpacedIds() {
    Qrels q = QrelsReader.read(TestData.require("beir/climate-fever-mini/qrels/test.tsv"));
    assertEquals(2745, q.numJudgments());
    assertEquals(1, q.judgments("0").get("Global warming:14"));
  }
}
