package org.cptbench.eval.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;

class CrossValidatedProbeTest {
  @Test
  void separableDataScoresPerfectlyAndKeepsTheFirstC() {
    int[] y = new int[100];
    double[][] x = Synthetic.blobs(100, 4, 2, 8.0, 1.0, 5, y);
    ProbeResult r = CrossValidatedProbe.run(x, y, ProbeOptions.senteval());
    assertEquals(1.0, r.accuracy());
    assertEquals(1.0, r.devAccuracy());
    assertEquals(10, r.foldAccuracies().size());
    // every C is perfect on the inner folds, so SentEval's argmax keeps the first, 0.25
    assertEquals(Collections.nCopies(10, 0.25), r.chosenPenalties());
    assertEquals(100, r.nTrain());
    assertEquals(100, r.nTest());
    assertEquals(
        "SentEval protocol (senteval-sklearn): 10-fold CV, L2 logistic regression (scikit-learn's lbfgs objective,"
            + " Smile L-BFGS, tol 1.0E-4, max_iter 100), C chosen by inner 10-fold from {0.25, 0.5, 1, 2, 4, 8}"
            + " (warm-started along the grid); stratified shuffled folds, seed 1111; the encoder's vectors as they"
            + " are; accuracy = mean over outer folds of round(100 * fold accuracy, 2), rounded to 2 decimals"
            + " (SentEval)",
        r.definition());
  }

  @Test
  void predictableCIsChosenInEveryFold() {
    // Synthetic.imbalancedLine with 4 folds: outer training sets hold 7-8 of class 1 and 22-23 of class 0, inner
    // training sets 5-6 and 16-18. Solving the penalised likelihood (Newton's method) on those inner sets gives
    // class-1 scores <= -0.017 at C = 2 on most of them (-0.233 on 17:5), >= +0.237 at C = 4 on all: C = 4 is the
    // first C that is perfect on every inner fold, and it separates the outer test folds.
    int[] y = new int[40];
    double[][] x = Synthetic.imbalancedLine(y);
    ProbeResult r = CrossValidatedProbe.run(x, y, ProbeOptions.senteval().withFolds(4));
    assertEquals(Collections.nCopies(4, 4.0), r.chosenPenalties());
    assertEquals(1.0, r.accuracy());
  }

  @Test
  void resultsAreDeterministicAndIndependentOfThreads() {
    int[] y = new int[150];
    double[][] x = Synthetic.blobs(150, 6, 3, 1.0, 1.0, 9, y);
    ProbeOptions opt = ProbeOptions.senteval().withFolds(5);
    ProbeResult a = CrossValidatedProbe.run(x, y, opt);
    ProbeResult b = CrossValidatedProbe.run(x, y, opt.withThreads(1));
    assertEquals(a, b);
    assertTrue(a.accuracy() > 0.5 && a.accuracy() < 1.0, "noisy data: " + a.accuracy());
    ProbeResult c = CrossValidatedProbe.run(x, y, opt.withSeed(7));
    assertTrue(!a.foldAccuracies().equals(c.foldAccuracies()), "another seed, other folds");
  }

  @Test
  void rejectsMismatchedLengthsAndSingleClass() {
    double[][] x = {{1}, {2}, {3}};
    CptbenchException e =
        assertThrows(
            CptbenchException.class, () -> CrossValidatedProbe.run(x, new int[] {0, 1}, ProbeOptions.senteval()));
    assertTrue(e.getMessage().contains("3 feature rows but 2 labels"), e.getMessage());
    e = assertThrows(
        CptbenchException.class,
        () -> CrossValidatedProbe.run(x, new int[] {1, 1, 1}, ProbeOptions.senteval()));
    assertTrue(e.getMessage().contains("need at least 2 classes"), e.getMessage());
  }
}
