package org.cptbench.eval.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;

class PenaltyGridTest {
  @Test
  void sentevalGrids() {
    assertEquals(List.of(0.25, 0.5, 1.0, 2.0, 4.0, 8.0), PenaltyGrid.SENTEVAL_INNER.cs());
    assertEquals(List.of(0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0), PenaltyGrid.SENTEVAL_KFOLD.cs());
    assertEquals("{0.25, 0.5, 1, 2, 4, 8}", PenaltyGrid.SENTEVAL_INNER.describe());
    assertEquals(0.25, PenaltyGrid.lambda(4.0));
  }

  @Test
  void selectionTakesFirstBestAfterRoundingToHundredthsOfAPercent() {
    // 80.001% and 80.004% both round to 80.0: the first wins; 80.006% rounds to 80.01 and wins.
    assertEquals(0, PenaltySelection.argmaxRounded(new double[] {0.80001, 0.80004, 0.7}));
    assertEquals(1, PenaltySelection.argmaxRounded(new double[] {0.8, 0.80006, 0.80006}));
  }

  @Test
  void rejectsBadValues() {
    CptbenchException e =
        assertThrows(CptbenchException.class, () -> new PenaltyGrid(List.of(1.0, -2.0)));
    assertTrue(e.getMessage().contains("C = -2.0 at position 1"), e.getMessage());
    assertThrows(CptbenchException.class, () -> new PenaltyGrid(List.of(1.0, 1.0)));
    assertThrows(CptbenchException.class, () -> new PenaltyGrid(List.of()));
    assertThrows(CptbenchException.class, () -> PenaltyGrid.powersOfTwo(3, 2));
  }
}
