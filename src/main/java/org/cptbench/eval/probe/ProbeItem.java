package org.cptbench.eval.probe;

import org.cptbench.CptbenchException;

/**
 * The prediction for one test item of a probe, for paired tests that resample test items within folds.
 *
 * @param fold the outer fold that tested the item (0..k-1; 0 for the single test set of a split task)
 * @param index the item's position in the task's data (cross-validation: in all items; split tasks: in the test
 *     split), in load order
 * @param gold the gold label
 * @param predicted the predicted label
 */
public record ProbeItem(int fold, int index, int gold, int predicted) {
  public ProbeItem {
    if (fold < 0 || index < 0) {
      throw new CptbenchException("probe item: fold = " + fold + ", index = " + index + " (both must be >= 0)");
    }
  }

  /** Whether the prediction equals the gold label. */
  public boolean correct() {
    return gold == predicted;
  }
}
