package org.cptbench.data.trec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrecOrderTest {

  @Test
  void strcmpIsUtf8ByteOrderNotUtf16Order() {
    String bmpHigh = "\uFF21"; // FULLWIDTH A, UTF-8 EF BC A1
    String astral = "\uD83D\uDE00"; // U+1F600, UTF-8 F0 9F 98 80
    // UTF-16 order puts the surrogate (D83D) first; strcmp on UTF-8 bytes puts EF before F0.
    assertTrue(astral.compareTo(bmpHigh) < 0);
    assertTrue(TrecOrder.compare(bmpHigh, astral) < 0);
    assertTrue(TrecOrder.compare("abc", "abd") < 0);
    assertTrue(TrecOrder.compare("ab", "abc") < 0);
    assertTrue(TrecOrder.compare("abc", "ab") > 0);
    assertEquals(0, TrecOrder.compare("q1", "q1"));
    assertTrue(TrecOrder.compare("10", "9") < 0); // ids compare as text, not numbers
  }

  @Test
  void runOrderIsScoreDescendingThenDocIdDescending() {
    List<TrecRun.Entry> entries =
        List.of(
            new TrecRun.Entry("d1", 4.0),
            new TrecRun.Entry("d3", 5.0),
            new TrecRun.Entry("d2", 4.0),
            new TrecRun.Entry("d10", 4.0),
            new TrecRun.Entry("d0", -0.0),
            new TrecRun.Entry("d9", 0.0));
    List<String> ids =
        TrecOrder.trecEvalRanking(entries).stream().map(TrecRun.Entry::docId).toList();
    // 4.0 ties: "d2" > "d10" > "d1" in strcmp; -0.0 and 0.0 tie, "d9" > "d0".
    assertEquals(List.of("d3", "d2", "d10", "d1", "d9", "d0"), ids);
  }
}
