package org.cptbench.eval.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;

class ProbeProtocolTest {
  @Test
  void parsesTheTwoNamesAndRejectsOthers() {
    assertEquals(ProbeProtocol.SENTEVAL_SKLEARN, ProbeProtocol.parse("senteval-sklearn"));
    assertEquals(ProbeProtocol.SENTEVAL_PYTORCH, ProbeProtocol.parse(" SentEval-PyTorch "));
    CptbenchException e = assertThrows(CptbenchException.class, () -> ProbeProtocol.parse("sklearn"));
    assertEquals(
        "probe protocol 'sklearn' is not known; allowed: senteval-sklearn | senteval-pytorch", e.getMessage());
    assertEquals(ProbeProtocol.SENTEVAL_SKLEARN, ProbeOptions.senteval().protocol());
  }

  @Test
  void pytorchPathSearchesWeightDecaysAndSaysSo() {
    // enough rows for Adam (lr 1e-3, batches of 64) to leave its random start within a few checks
    int[] y = new int[3000];
    double[][] x = Synthetic.blobs(3000, 4, 2, 8.0, 1.0, 5, y);
    ProbeOptions opt = ProbeOptions.senteval().withFolds(3).withProtocol(ProbeProtocol.SENTEVAL_PYTORCH);
    ProbeResult r = CrossValidatedProbe.run(x, y, opt);
    assertTrue(r.accuracy() > 0.99 && r.devAccuracy() > 0.99, r.accuracy() + " " + r.devAccuracy());
    assertTrue(PenaltyGrid.SENTEVAL_PYTORCH.cs().containsAll(r.chosenPenalties()), r.chosenPenalties().toString());
    assertEquals(List.of(1e-5, 1e-4, 1e-3, 1e-2), opt.innerGrid().cs());
    assertEquals(opt.innerGrid(), opt.kfoldGrid());
    assertEquals(
        "SentEval protocol (senteval-pytorch): 3-fold CV, logistic regression nn.Linear trained with Adam (lr 1e-3,"
            + " batch 64, epoch_size 4, tenacity 5, max_epoch 200, weight decay on all parameters, best model on"
            + " validation accuracy), weight decay chosen by inner 3-fold from {1.0E-5, 1.0E-4, 0.001, 0.01}"
            + " (inner fits early-stopped on their inner test fold), final fit early-stopped on a random 5 % of the"
            + " outer training part; stratified shuffled folds, seed 1111; the encoder's vectors as they are;"
            + " accuracy = mean over outer folds of round(100 * fold accuracy, 2), rounded to 2 decimals (SentEval)",
        r.definition());
  }

  @Test
  void protocolsDifferOnTheSameNoisyData() {
    int[] y = new int[1500];
    double[][] x = Synthetic.blobs(1500, 6, 3, 1.0, 1.0, 9, y);
    ProbeOptions sk = ProbeOptions.senteval().withFolds(3);
    ProbeResult a = CrossValidatedProbe.run(x, y, sk);
    ProbeResult b = CrossValidatedProbe.run(x, y, sk.withProtocol(ProbeProtocol.SENTEVAL_PYTORCH));
    assertTrue(a.definition().contains("(senteval-sklearn)"));
    assertTrue(b.definition().contains("(senteval-pytorch)"));
    assertTrue(PenaltyGrid.SENTEVAL_INNER.cs().containsAll(a.chosenPenalties()));
    assertTrue(PenaltyGrid.SENTEVAL_PYTORCH.cs().containsAll(b.chosenPenalties()));
    assertTrue(b.accuracy() > 0.5, "Adam path learns the blobs: " + b.accuracy());
    // deterministic and independent of threads on the PyTorch path too
    assertEquals(b, CrossValidatedProbe.run(x, y, sk.withProtocol(ProbeProtocol.SENTEVAL_PYTORCH).withThreads(1)));
  }

  @Test
  void splitTasksUseTheProtocolGrids() {
    int[] y = new int[3000];
    double[][] x = Synthetic.blobs(3000, 6, 3, 7.0, 1.0, 11, y);
    int[] yTest = new int[60];
    double[][] xTest = Synthetic.blobs(60, 6, 3, 7.0, 1.0, 12, yTest);
    ProbeOptions opt = ProbeOptions.senteval().withFolds(3).withProtocol(ProbeProtocol.SENTEVAL_PYTORCH);
    ProbeResult tt = SplitProbe.trainTest(x, y, xTest, yTest, opt);
    ProbeResult dev = SplitProbe.trainDevTest(x, y, xTest, yTest, xTest, yTest, opt);
    assertEquals(1.0, tt.accuracy());
    assertEquals(1.0, dev.accuracy());
    assertTrue(tt.definition().startsWith("SentEval protocol (senteval-pytorch): train/test split"), tt.definition());
    assertTrue(dev.definition().contains("weight decay chosen on dev from {1.0E-5"), dev.definition());
  }
}
