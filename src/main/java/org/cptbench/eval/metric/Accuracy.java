package org.cptbench.eval.metric;

import org.cptbench.CptbenchException;

/**
 * Classification accuracy: (number of i with predicted[i] == gold[i]) / n, as SentEval reports it for the linear
 * probes (fraction, not percent).
 */
public record Accuracy() implements Metric {
  @Override
  public String id() {
    return "accuracy";
  }

  @Override
  public String definition() {
    return "classification accuracy: correct predictions / examples (SentEval)";
  }

  /** The fraction of positions where the labels agree; the arrays must have the same non-zero length. */
  public double compute(int[] gold, int[] predicted) {
    if (gold.length != predicted.length) {
      throw new CptbenchException(
          "accuracy: " + gold.length + " gold labels but " + predicted.length + " predictions (lengths must match)");
    }
    if (gold.length == 0) {
      throw new CptbenchException("accuracy: no examples");
    }
    int correct = 0;
    for (int i = 0; i < gold.length; i++) {
      if (gold[i] == predicted[i]) {
        correct++;
      }
    }
    return (double) correct / gold.length;
  }
}
