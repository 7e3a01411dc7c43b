package org.cptbench.data.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.data.LoadReport;
import org.junit.jupiter.api.Test;

/** {@link RetrievalTask#inMemory}: the strict validation of in-memory (built-in) tasks. */
class RetrievalTaskTest {
  private static final List<String> QIDS = List.of("q2", "q10");
  private static final List<String> QUERIES = List.of("second", "tenth");
  private static final List<String> DIDS = List.of("d1", "d0", "d2");
  private static final List<String> DOCS = List.of("one", "zero", "two");

  private static Map<String, Map<String, Integer>> qrels() {
    Map<String, Map<String, Integer>> m = new LinkedHashMap<>();
    m.put("q2", Map.of("d1", 1, "d2", 1));
    m.put("q10", Map.of("d0", 1));
    return m;
  }

  private static String failure(
      List<String> qids,
      List<String> queries,
      List<String> dids,
      List<String> docs,
      Map<String, Map<String, Integer>> qrels) {
    return assertThrows(
            IllegalArgumentException.class, () -> RetrievalTask.inMemory("t", qids, queries, dids, docs, qrels))
        .getMessage();
  }

  @Test
  void keepsOrderAndJudgments() {
    RetrievalTask t = RetrievalTask.inMemory("t", QIDS, QUERIES, DIDS, DOCS, qrels());
    assertEquals("t", t.name());
    assertEquals("builtin", t.format());
    assertEquals(LoadReport.empty(), t.report());
    assertEquals(QIDS, t.queries().ids());
    assertEquals(QUERIES, t.queries().texts());
    assertEquals(DIDS, t.corpus().ids());
    assertEquals(DOCS, t.corpus().texts());
    assertNull(t.corpus().subsample());
    assertEquals(qrels(), t.qrels().asMap());
    assertEquals(List.of("q10", "q2"), t.qrels().queryIds(), "qrels iterate in trec_eval (strcmp) order");
  }

  @Test
  void rejectsDuplicateIds() {
    assertEquals(
        "t: duplicate doc id d1", failure(QIDS, QUERIES, List.of("d1", "d0", "d1"), DOCS, qrels()));
    assertEquals(
        "t: duplicate query id q2", failure(List.of("q2", "q2"), QUERIES, DIDS, DOCS, Map.of("q2", Map.of("d1", 1))));
  }

  @Test
  void rejectsUnknownIdsInQrels() {
    Map<String, Map<String, Integer>> unknownDoc = qrels();
    unknownDoc.put("q10", Map.of("d9", 1));
    assertEquals("t: qrels of q10 name unknown doc d9", failure(QIDS, QUERIES, DIDS, DOCS, unknownDoc));
    Map<String, Map<String, Integer>> unknownQuery = qrels();
    unknownQuery.put("q7", Map.of("d0", 1));
    assertEquals("t: qrels name unknown query q7", failure(QIDS, QUERIES, DIDS, DOCS, unknownQuery));
  }

  @Test
  void rejectsQueriesWithoutJudgments() {
    Map<String, Map<String, Integer>> missing = qrels();
    missing.remove("q10");
    assertEquals("t: query q10 has no relevant document in qrels", failure(QIDS, QUERIES, DIDS, DOCS, missing));
    Map<String, Map<String, Integer>> empty = qrels();
    empty.put("q10", Map.of());
    assertEquals("t: query q10 has no relevant document in qrels", failure(QIDS, QUERIES, DIDS, DOCS, empty));
    assertEquals("t: no queries", failure(List.of(), List.of(), DIDS, DOCS, Map.of()));
  }

  @Test
  void rejectsMismatchedLists() {
    assertEquals("t: 2 query ids but 1 queries", failure(QIDS, List.of("second"), DIDS, DOCS, qrels()));
    assertEquals("t: 3 doc ids but 2 docs", failure(QIDS, QUERIES, DIDS, List.of("one", "zero"), qrels()));
  }
}
