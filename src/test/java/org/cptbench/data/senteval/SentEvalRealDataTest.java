package org.cptbench.data.senteval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cptbench.TestData;
import org.junit.jupiter.api.Test;

/** Counts on the shared SentEval files (skipped without the shared data); expected values from its README. */
class SentEvalRealDataTest {

  private static long count(List<LabeledText> l, int label) {
    return l.stream().filter(t -> t.label() == label).count();
  }

  @Test
  void mr() {
    SentEvalData d = SentEvalLoader.load(TestData.require("senteval/MR"));
    assertEquals("MR", d.task().name());
    assertEquals(SentEvalKind.CV10, d.task().kind());
    assertEquals(5331, count(d.texts("all"), 1));
    assertEquals(5331, count(d.texts("all"), 0));
    // latin-1 byte 0xE9 decoded as U+00E9 somewhere in the file, and no U+FFFD replacement
    assertTrue(d.texts("all").stream().anyMatch(t -> t.text().indexOf('\u00e9') >= 0));
    assertTrue(d.texts("all").stream().noneMatch(t -> t.text().indexOf('\uFFFD') >= 0));
  }

  @Test
  void crKeepsEmptyLinesLikeSentEval() {
    SentEvalData d = SentEvalLoader.load(TestData.require("senteval/CR"));
    assertEquals(2407, count(d.texts("all"), 1));
    assertEquals(1368, count(d.texts("all"), 0));
    assertEquals(4, d.texts("all").stream().filter(t -> t.text().isEmpty()).count());
  }

  @Test
  void subjObjectiveIsLabelOne() {
    SentEvalData d = SentEvalLoader.load(TestData.require("senteval/SUBJ"));
    assertEquals(List.of("subjective", "objective"), d.task().classNames());
    assertEquals(10000, d.size("all"));
    // first sample comes from subj.objective: "the movie begins in the past where a young boy named sam ..."
    assertTrue(d.texts("all").getFirst().text().startsWith("the movie begins in the past"));
    assertEquals(1, d.texts("all").getFirst().label());
  }

  @Test
  void mpqa() {
    SentEvalData d = SentEvalLoader.load(TestData.require("senteval/MPQA"));
    assertEquals(3312, count(d.texts("all"), 1));
    assertEquals(7294, count(d.texts("all"), 0));
  }

  @Test
  void sst2() {
    SentEvalData d = SentEvalLoader.load(TestData.require("senteval/SST2"));
    assertEquals("SST2", d.task().name());
    assertEquals(6920, d.size("train"));
    assertEquals(872, d.size("dev"));
    assertEquals(1821, d.size("test"));
    assertEquals(909, count(d.texts("test"), 1));
    assertEquals(912, count(d.texts("test"), 0));
  }

  @Test
  void trec() {
    SentEvalData d = SentEvalLoader.load(TestData.require("senteval/TREC"));
    assertEquals(5452, d.size("train"));
    assertEquals(500, d.size("test"));
    long[] perClass = new long[6];
    d.texts("train").forEach(t -> perClass[t.label()]++);
    // ABBR 86, DESC 1162, ENTY 1250, HUM 1223, LOC 835, NUM 896 (README)
    assertEquals(List.of(86L, 1162L, 1250L, 1223L, 835L, 896L), java.util.Arrays.stream(perClass).boxed().toList());
    assertEquals("How did serfdom develop in and then leave Russia ?", d.texts("train").getFirst().text());
  }

  @Test
  void mrpcHeaderlessWithBom() {
    SentEvalData d = SentEvalLoader.load(TestData.require("senteval/MRPC"));
    assertEquals(4076, d.size("train"));
    assertEquals(1725, d.size("test"));
    assertEquals(2753, d.pairs("train").stream().filter(p -> p.label() == 1).count());
    assertEquals(1147, d.pairs("test").stream().filter(p -> p.label() == 1).count());
    assertTrue(d.pairs("train").getFirst().first().startsWith("Amrozi accused his brother"));
  }
}
