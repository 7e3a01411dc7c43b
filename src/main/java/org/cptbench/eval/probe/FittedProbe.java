package org.cptbench.eval.probe;

import org.cptbench.CptbenchException;

/** A classifier fitted by a probe protocol: {@link LinearProbe} or {@link AdamLogisticRegression}. */
public interface FittedProbe {
  /** The predicted label of each row. */
  int[] predict(double[][] x);

  /** Fraction of rows whose predicted label equals {@code y}, in [0, 1]. */
  default double accuracy(double[][] x, int[] y) {
    Features.checkLabels("linear probe evaluation", x, y);
    int[] pred = predict(x);
    int correct = 0;
    for (int i = 0; i < y.length; i++) {
      if (pred[i] == y[i]) {
        correct++;
      }
    }
    return (double) correct / y.length;
  }

  /** Checks a feature vector's width against the model's. */
  static void checkWidth(double[] x, int p) {
    if (x.length != p) {
      throw new CptbenchException("linear probe: feature vector has " + x.length + " values, model expects " + p);
    }
  }
}
