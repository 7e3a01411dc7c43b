package org.cptbench.eval.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;

class StratifiedFoldsTest {
  @Test
  void handComputedAllocationForTenSamplesInThreeFolds() {
    // 6 of class 0, 4 of class 1; sorted labels dealt round-robin: fold 0 gets 2+2, folds 1 and 2 get 2+1.
    int[] y = {0, 1, 0, 0, 1, 0, 1, 0, 1, 0};
    List<StratifiedFolds.Fold> folds = StratifiedFolds.split(y, 3, 1111);
    int[][] expected = {{2, 2}, {2, 1}, {2, 1}};
    for (int f = 0; f < 3; f++) {
      int[] counts = new int[2];
      for (int i : folds.get(f).test()) {
        counts[y[i]]++;
      }
      assertArrayEquals(expected[f], counts, "fold " + f);
    }
  }

  @Test
  void everySampleIsTestedOnceAndClassProportionsAreKept() {
    int n = 1003;
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 7 == 0 ? 2 : (i % 3 == 0 ? 1 : 0);
    }
    int[] total = new int[3];
    for (int v : y) {
      total[v]++;
    }
    List<StratifiedFolds.Fold> folds = StratifiedFolds.split(y, 10, 42);
    int[] seen = new int[n];
    for (StratifiedFolds.Fold f : folds) {
      int[] counts = new int[3];
      for (int i : f.test()) {
        seen[i]++;
        counts[y[i]]++;
      }
      for (int c = 0; c < 3; c++) {
        assertTrue(Math.abs(counts[c] - total[c] / 10.0) < 1.0, "class " + c + " count " + counts[c]);
      }
      assertEquals(n, f.train().length + f.test().length);
      for (int i = 1; i < f.train().length; i++) {
        assertTrue(f.train()[i - 1] < f.train()[i]);
      }
      assertTrue(Arrays.stream(f.train()).noneMatch(i -> Arrays.binarySearch(f.test(), i) >= 0));
    }
    int[] ones = new int[n];
    Arrays.fill(ones, 1);
    assertArrayEquals(ones, seen);
  }

  @Test
  void sameSeedSameFoldsOtherSeedOtherFolds() {
    int[] y = new int[200];
    for (int i = 0; i < y.length; i++) {
      y[i] = i % 2;
    }
    assertArrayEquals(StratifiedFolds.assign(y, 10, 1111), StratifiedFolds.assign(y, 10, 1111));
    assertFalse(Arrays.equals(StratifiedFolds.assign(y, 10, 1111), StratifiedFolds.assign(y, 10, 1112)));
  }

  @Test
  void rejectsTooFewSamplesPerClassAndBadK() {
    CptbenchException e =
        assertThrows(CptbenchException.class, () -> StratifiedFolds.split(new int[] {0, 0, 1, 1}, 3, 1));
    assertTrue(e.getMessage().contains("k = 3 cannot be greater"), e.getMessage());
    assertThrows(CptbenchException.class, () -> StratifiedFolds.split(new int[] {0, 1}, 1, 1));
  }
}
