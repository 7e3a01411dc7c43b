package org.cptbench.data.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cptbench.CptbenchException;
import org.cptbench.data.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open-domain QA question layouts and DPR passages on small files written in the exact formats. */
class QaFormatsTest {
  @TempDir Path tmp;

  private static Path write(Path f, String s) throws IOException {
    Files.createDirectories(f.getParent());
    Files.writeString(f, s, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void nqOpenJsonl() throws IOException {
    Path f =
        write(
            tmp.resolve("nq/NQ-open.dev.jsonl"),
            "{\"question\": \"when was the last time anyone was on the moon\", \"answer\": [\"14 December 1972 UTC\", "
                + "\"December 1972\"]}\n{\"question\": \"q2\", \"answers\": \"single\"}\n");
    assertEquals(
        List.of(
            new QaQuestion(
                "when was the last time anyone was on the moon", List.of("14 December 1972 UTC", "December 1972")),
            new QaQuestion("q2", List.of("single"))),
        QaQuestionsReader.read(f));
    write(f, "{\"question\": \"q\", \"answer\": [\"a\"]}\n{\"question\": \"q2\"}\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> QaQuestionsReader.read(f));
    assertEquals(2, e.line());
  }

  @Test
  void dprCsvWithCrlfAndCsvQuoting() throws IOException {
    Path f =
        write(
            tmp.resolve("dpr/topics.dpr.trivia.test.txt"),
            "Who was the man behind The Chipmunks?\t['David Seville']\r\n"
                + "\"\"\"Who was the target of the \"\"\"\"Bomb Plot\"\"\"\" of 1944?\"\"\"\t"
                + "\"['Hitlerian', \"\"Hitler's medical health\"\"]\"\r\n"
                + "who wrote it\t['Tameka \"\"Tiny\"\" Cottle', 'Kevin \"\"She\\'kspere\"\" Briggs']\r\n"
                + "interlagos?\t['S\u00c4\\x83o Paulo']\r\n");
    List<QaQuestion> qs = QaQuestionsReader.read(f);
    assertEquals(new QaQuestion("Who was the man behind The Chipmunks?", List.of("David Seville")), qs.get(0));
    // one level of CSV quoting removed, exactly as DPR's csv.reader does
    assertEquals(
        new QaQuestion(
            "\"Who was the target of the \"\"Bomb Plot\"\" of 1944?\"",
            List.of("Hitlerian", "Hitler's medical health")),
        qs.get(1));
    // unquoted field: doubled quotes are literal characters
    assertEquals(List.of("Tameka \"\"Tiny\"\" Cottle", "Kevin \"\"She'kspere\"\" Briggs"), qs.get(2).answers());
    assertEquals(List.of("S\u00c4\u0083o Paulo"), qs.get(3).answers());
  }

  @Test
  void dprCsvErrorsNameLine() throws IOException {
    Path f = write(tmp.resolve("dpr/nq-test.qa.csv"), "q1\t['a']\nq2\t['b'\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> QaQuestionsReader.read(f));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("answer list"), e.getMessage());
    write(f, "q1\t['a']\n\"open quote\t['b']\n");
    e = assertThrows(MalformedInputException.class, () -> QaQuestionsReader.read(f));
    assertEquals(2, e.line());
    write(f, "q1 without tab\n");
    e = assertThrows(MalformedInputException.class, () -> QaQuestionsReader.read(f));
    assertEquals(1, e.line());
  }

  @Test
  void dprJsonArray() throws IOException {
    Path f =
        write(
            tmp.resolve("dpr/nq-dev.json"),
            "[\n  {\"dataset\": \"nq\", \"question\": \"who sings\", \"answers\": [\"Linda Davis\"],\n"
                + "   \"positive_ctxs\": [{\"title\": \"t\", \"text\": \"x\", \"passage_id\": \"1\"}]},\n"
                + "  {\"question\": \"q2\", \"answers\": []}\n]\n");
    assertEquals(
        List.of(new QaQuestion("who sings", List.of("Linda Davis")), new QaQuestion("q2", List.of())),
        QaQuestionsReader.read(f));
    write(f, "[\n {\"question\": \"ok\", \"answers\": [\"a\"]},\n {\"answers\": [\"b\"]}\n]\n");
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> QaQuestionsReader.read(f));
    assertEquals(3, e.line());
  }

  @Test
  void folderWithPassagesAndSplitSelection() throws IOException {
    Path d = tmp.resolve("openqa");
    write(
        d.resolve("psgs_w100.tsv"),
        "id\ttext\ttitle\n1\t\"Aaron Aaron ( or ; \"\"Ah\u00e4r\u00f4n\"\") is a prophet\"\tAaron\n"
            + "2\tplain text\u2028here\tSecond\n");
    write(d.resolve("nq-test.qa.csv"), "who is aaron\t['prophet']\n");
    write(d.resolve("trivia-test.qa.csv"), "q\t['a']\n");
    write(d.resolve("README.md"), "docs\n");
    QaTask t = QaLoader.load(d, "nq-test.qa.csv", CorpusSampling.KEEP_ALL);
    assertEquals(List.of("1", "2"), t.corpus().ids());
    assertEquals("Aaron Aaron Aaron ( or ; \"Ah\u00e4r\u00f4n\") is a prophet", t.corpus().text("1"));
    assertEquals("Second plain text\u2028here", t.corpus().text("2"));
    // answer matching reads the passage text alone (DPR's doc[0]), the encoder title + text
    assertEquals("Aaron Aaron ( or ; \"Ah\u00e4r\u00f4n\") is a prophet", t.corpus().body("1"));
    assertEquals("plain text\u2028here", t.corpus().body("2"));
    assertEquals(2, t.corpus().bodies().size());
    assertEquals(1, t.questions().size());
    CptbenchException e = assertThrows(CptbenchException.class, () -> QaLoader.load(d, null, CorpusSampling.KEEP_ALL));
    assertTrue(e.getMessage().contains("nq-test.qa.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("trivia-test.qa.csv"), e.getMessage());
    QaTask sampled = QaLoader.load(d, "trivia-test.qa.csv", CorpusSampling.distractors(1, 5));
    assertEquals(1, sampled.corpus().size());
    assertEquals(new Subsample(2, 0, 1, 5), sampled.corpus().subsample());
    assertEquals(sampled.corpus().size(), sampled.corpus().bodies().size());
  }

  @Test
  void questionsOnlyFile() throws IOException {
    Path f = write(tmp.resolve("q/topics.dpr.nq.test.txt"), "q\t['a']\r\n");
    QaTask t = QaLoader.load(f, null, CorpusSampling.KEEP_ALL);
    assertNull(t.corpus());
    assertEquals("topics.dpr.nq.test.txt", t.questionsFile());
    assertEquals(1, t.report().warnings().size());
  }
}
