package org.cptbench.data.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cptbench.TestData;
import org.junit.jupiter.api.Test;

/** Counts on the shared retrieval and QA files (skipped without the shared data). */
class RetrievalRealDataTest {

  @Test
  void msmarcoDl19Mini() {
    RetrievalTask t =
        RetrievalLoader.load(TestData.require("beir/msmarco-dl19-mini"), null, CorpusSampling.KEEP_ALL);
    assertEquals(5000, t.corpus().size());
    assertEquals(43, t.queries().size());
    assertEquals(43, t.qrels().numQueries());
    assertEquals(4102, t.qrels().numJudgments()); // header-less qrels: the first line is a judgment
    assertEquals(7, t.report().count("queries.unjudged"));
    assertEquals(0, t.report().count("qrels.unknownDocumentJudgments"));
    assertNull(t.corpus().subsample());
    // U+0085 inside passages does not split lines
    assertTrue(t.corpus().texts().stream().anyMatch(s -> s.indexOf('\u0085') >= 0));
  }

  @Test
  void msmarcoDl19MiniSubsampled() {
    var folder = TestData.require("beir/msmarco-dl19-mini");
    RetrievalTask a = RetrievalLoader.load(folder, "test", CorpusSampling.distractors(100, 7));
    RetrievalTask b = RetrievalLoader.load(folder, "test", CorpusSampling.distractors(100, 7));
    assertEquals(4102 + 100, a.corpus().size());
    assertEquals(new Subsample(5000, 4102, 100, 7), a.corpus().subsample());
    assertEquals(a.corpus().ids(), b.corpus().ids());
  }

  @Test
  void climateFeverMini() {
    RetrievalTask t =
        RetrievalLoader.load(TestData.require("beir/climate-fever-mini"), "test", CorpusSampling.KEEP_ALL);
    assertEquals(5240, t.corpus().size());
    assertEquals(1061, t.queries().size());
    assertEquals(2745, t.qrels().numJudgments()); // header row skipped
    // doc ids contain spaces; title + " " + text
    assertTrue(t.corpus().contains("Global warming:14"));
    assertTrue(t.corpus().text("Global warming:14").startsWith("Global warming Environmental impacts include"));
  }

  @Test
  void nqOpenAndDprFormat() {
    QaTask nq = QaLoader.load(TestData.require("openqa/nq-open/NQ-open.dev.jsonl"), null, CorpusSampling.KEEP_ALL);
    assertEquals(3610, nq.questions().size());
    assertEquals(
        new QaQuestion(
            "when was the last time anyone was on the moon", List.of("14 December 1972 UTC", "December 1972")),
        nq.questions().getFirst());
    QaTask dpr = QaLoader.load(TestData.require("openqa/dpr-format"), "nq.test", CorpusSampling.KEEP_ALL);
    assertEquals("topics.dpr.nq.test.txt", dpr.questionsFile());
    assertEquals(3610, dpr.questions().size());
    assertNull(dpr.corpus());
    assertEquals(List.of("Wilhelm Conrad Röntgen"), dpr.questions().getFirst().answers());
    // 'Angola \u200e' in the file is a Python escape
    assertTrue(dpr.questions().stream().anyMatch(q -> q.answers().contains("Angola \u200e")));
  }

  @Test
  void dprTriviaCsvQuoting() {
    QaTask t = QaLoader.load(TestData.require("openqa/dpr-format"), "trivia.test", CorpusSampling.KEEP_ALL);
    assertEquals(11313, t.questions().size());
    assertTrue(t.questions().stream().anyMatch(q -> q.answers().contains("Hitler's medical health")));
    assertTrue(t.questions().stream().anyMatch(q -> q.answers().contains("S\u00c4\u0083o Paulo")));
    var dir = TestData.require("openqa/dpr-format");
    assertEquals(8837, QaLoader.load(dir, "trivia.dev", CorpusSampling.KEEP_ALL).questions().size());
    assertEquals(8757, QaLoader.load(dir, "topics.nq.dev.txt", CorpusSampling.KEEP_ALL).questions().size());
    assertEquals(2032, QaLoader.load(dir, "wq.test", CorpusSampling.KEEP_ALL).questions().size());
  }
}
