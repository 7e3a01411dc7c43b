package org.cptbench.data.senteval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cptbench.TestData;
import org.junit.jupiter.api.Test;

/**
 * SentEval's own text (senteval-tokenized/, its download script's rewriting) loads with the same readers; counts and
 * the marks of the rewriting are checked on the shared files (skipped without them).
 */
class SentEvalTokenizedRealDataTest {

  private static long count(List<LabeledText> l, int label) {
    return l.stream().filter(t -> t.label() == label).count();
  }

  @Test
  void mrIsPtbTokenized() {
    SentEvalData d = SentEvalLoader.load(TestData.require("senteval-tokenized/MR"));
    assertEquals("MR", d.task().name());
    assertEquals(5331, count(d.texts("all"), 1));
    assertEquals(5331, count(d.texts("all"), 0));
    String first = d.texts("all").stream().filter(t -> t.label() == 1).findFirst().orElseThrow().text();
    assertTrue(first.startsWith("the rock is destined to be the 21st century 's new `` conan ``"), first);
    assertTrue(d.texts("all").stream().noneMatch(t -> t.text().contains("cannot")), "'cannot' becomes 'can not'");
  }

  @Test
  void sst2IsSentEvalsPhraseLevelTrainingSet() {
    SentEvalData d = SentEvalLoader.load(TestData.require("senteval-tokenized/SST2"));
    assertEquals("SST2", d.task().name());
    assertEquals(67349, d.size("train"));
    assertEquals(872, d.size("dev"));
    assertEquals(1821, d.size("test"));
    assertEquals(909, count(d.texts("test"), 1));
    assertEquals(912, count(d.texts("test"), 0));
    assertEquals("hide new secretions from the parental units", d.texts("train").getFirst().text());
    assertEquals(0, d.texts("train").getFirst().label());
  }

  @Test
  void trecHasNoQuotesAndTheOthersKeepTheirCounts() {
    SentEvalData trec = SentEvalLoader.load(TestData.require("senteval-tokenized/TREC"));
    assertEquals(5452, trec.size("train"));
    assertEquals(500, trec.size("test"));
    assertTrue(trec.texts("train").stream().noneMatch(t -> t.text().contains("'") || t.text().contains("`")));
    assertEquals(3775, SentEvalLoader.load(TestData.require("senteval-tokenized/CR")).size("all"));
    assertEquals(10000, SentEvalLoader.load(TestData.require("senteval-tokenized/SUBJ")).size("all"));
    assertEquals(10606, SentEvalLoader.load(TestData.require("senteval-tokenized/MPQA")).size("all"));
    assertEquals(4076, SentEvalLoader.load(TestData.require("senteval-tokenized/MRPC")).size("train"));
  }
}
