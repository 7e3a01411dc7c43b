package org.cptbench.lexical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.eval.Retriever;
import org.cptbench.data.trec.TrecRun;
import org.cptbench.text.Side;
import org.junit.jupiter.api.Test;

/** Lucene BM25 with Anserini's defaults against hand-computed scores. */
class Bm25Test {
  static Map<String, List<TrecRun.Entry>> search(List<String> ids, List<String> texts, String query, int depth) {
    Retriever.Ranking r = Bm25.anserini().retriever().search(ids, texts, List.of("q"), List.of(query), depth);
    return r.run();
  }

  static double score(List<TrecRun.Entry> ranked, String id) {
    return ranked.stream().filter(e -> e.docId().equals(id)).findFirst().orElseThrow().score();
  }

  @Test
  void threeDocumentsScoreAsTheFormula() {
    // analysed: d1 = appl banana appl (dl 3), d2 = banana cherri (dl 2; "the" is a stop word), d3 = cherri x3 date
    // (dl 4). N = 3, avgdl = 9 / 3 = 3. Query "apples and cherries" -> appl, cherri ("and" is a stop word).
    List<String> ids = List.of("d1", "d2", "d3");
    List<String> texts = List.of("Apple banana apples", "the banana cherry", "cherry cherries cherry date");
    List<TrecRun.Entry> ranked = search(ids, texts, "apples and cherries", 10).get("q");
    double k1 = 0.9;
    double b = 0.4;
    double avgdl = 3;
    double idfApple = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5)); // n = 1
    double idfCherry = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5)); // n = 2
    double d1 = idfApple * 2 / (2 + k1 * (1 - b + b * 3 / avgdl));
    double d2 = idfCherry * 1 / (1 + k1 * (1 - b + b * 2 / avgdl));
    double d3 = idfCherry * 3 / (3 + k1 * (1 - b + b * 4 / avgdl));
    // Lucene computes in float: relative error ~1e-7
    assertEquals(d1, score(ranked, "d1"), 1e-5 * d1);
    assertEquals(d2, score(ranked, "d2"), 1e-5 * d2);
    assertEquals(d3, score(ranked, "d3"), 1e-5 * d3);
    // d1 = 0.6764 > d3 = 0.3508 > d2 = 0.2640
    assertEquals(List.of("d1", "d3", "d2"), ranked.stream().map(TrecRun.Entry::docId).toList());
  }

  @Test
  void repeatedQueryTokensCountTwice() {
    List<String> ids = List.of("d1", "d2", "d3");
    List<String> texts = List.of("apple banana", "banana cherry", "cherry date");
    double once = score(search(ids, texts, "apple", 10).get("q"), "d1");
    double twice = score(search(ids, texts, "apple apples", 10).get("q"), "d1");
    assertEquals(2 * once, twice, 1e-6);
  }

  @Test
  void tiesGoToTheLargerDocumentIdAndTheDepthCuts() {
    List<String> ids = List.of("a", "c", "b", "z");
    List<String> texts = List.of("river bank", "river bank", "river bank", "mountain");
    List<TrecRun.Entry> ranked = search(ids, texts, "river", 2).get("q");
    assertEquals(List.of("c", "b"), ranked.stream().map(TrecRun.Entry::docId).toList());
  }

  @Test
  void leavesOutTheDocumentWithTheQuerysIdAndHandlesEmptyQueries() {
    Retriever r = Bm25.anserini().retriever();
    Retriever.Ranking ranking = r.search(List.of("q1", "d2"), List.of("solar power", "solar panels"),
        List.of("q1", "q2"), List.of("solar", "the of and"), 10);
    assertEquals(List.of("d2"), ranking.run().get("q1").stream().map(TrecRun.Entry::docId).toList());
    assertEquals(List.of(), ranking.run().get("q2"));
    assertTrue(ranking.details().get("ranking").toString().contains("k1=0.9,b=0.4"));
  }

  @Test
  void hasNoEmbeddingsAndValidatesParameters() {
    assertThrows(CptbenchException.class, () -> Bm25.anserini().embed(List.of("x"), Side.X));
    assertThrows(CptbenchException.class, () -> new Bm25(0.9f, 1.5f));
    assertThrows(CptbenchException.class, () -> new Bm25(-1f, 0.4f));
  }
}
