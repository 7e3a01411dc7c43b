package org.cptbench.eval.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;

class ProbeResultTest {
  @Test
  void sentevalPercentRoundsEachFoldThenTheMean() {
    // 81.234 -> 81.23, 90, 70: mean 241.23 / 3 = 80.41
    ProbeResult r =
        new ProbeResult(
            (0.81234 + 0.9 + 0.7) / 3, 0.8, List.of(0.81234, 0.9, 0.7), List.of(1.0, 2.0, 1.0), 30, 30, null, "d");
    assertEquals(80.41, r.sentevalPercent(), 1e-12);
  }

  @Test
  void rejectsOutOfRangeAndMismatchedFields() {
    CptbenchException e =
        assertThrows(
            CptbenchException.class,
            () -> new ProbeResult(85.0, 0.5, List.of(0.85), List.of(1.0), 1, 1, null, "d"));
    assertTrue(e.getMessage().contains("accuracy = 85.0"), e.getMessage());
    e = assertThrows(
        CptbenchException.class,
        () -> new ProbeResult(0.85, 0.5, List.of(0.85), List.of(1.0, 2.0), 1, 1, null, "d"));
    assertTrue(e.getMessage().contains("2 chosenPenalties for 1 folds"), e.getMessage());
    assertThrows(
        CptbenchException.class, () -> new ProbeResult(0.85, 0.5, List.of(0.85), List.of(1.0), 1, 1, null, " "));
  }
}
