package org.cptbench.eval.probe;

import java.util.Arrays;
import org.cptbench.CptbenchException;

/**
 * The training data of one fold, prepared once for every {@code C} of a grid: the sorted distinct labels, each
 * row's class index, the rows as one {@link DesignMatrix} (z-scored with this part's statistics when
 * {@link ProbeOptions#standardize()}, as scikit-learn's {@code StandardScaler}: a zero-variance feature only
 * centred).
 */
final class TrainingSet {
  final int[] classes;
  final int[] classIndex;
  final DesignMatrix x;
  final double[] mean;
  final double[] scale;

  private TrainingSet(int[] classes, int[] classIndex, DesignMatrix x, double[] mean, double[] scale) {
    this.classes = classes;
    this.classIndex = classIndex;
    this.x = x;
    this.mean = mean;
    this.scale = scale;
  }

  /**
   * Prepares checked rows and labels.
   *
   * @throws CptbenchException when there are fewer than two classes
   */
  static TrainingSet of(double[][] x, int[] y, ProbeOptions options) {
    int[] classes = Arrays.stream(y).distinct().sorted().toArray();
    if (classes.length < 2) {
      throw new CptbenchException(
          "linear probe: all " + y.length + " training labels are " + y[0] + " (need at least 2 classes)");
    }
    int[] yi = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      yi[i] = Arrays.binarySearch(classes, y[i]);
    }
    DesignMatrix m = DesignMatrix.of(x);
    if (!options.standardize()) {
      return new TrainingSet(classes, yi, m, null, null);
    }
    double[] mean = new double[m.p];
    double[] scale = new double[m.p];
    fitScaler(x, mean, scale);
    return new TrainingSet(classes, yi, m.standardized(mean, scale), mean, scale);
  }

  private static void fitScaler(double[][] x, double[] mean, double[] scale) {
    int n = x.length;
    for (double[] row : x) {
      for (int j = 0; j < row.length; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < mean.length; j++) {
      mean[j] /= n;
    }
    for (double[] row : x) {
      for (int j = 0; j < row.length; j++) {
        double d = row[j] - mean[j];
        scale[j] += d * d;
      }
    }
    for (int j = 0; j < scale.length; j++) {
      double sd = Math.sqrt(scale[j] / n);
      scale[j] = sd > 0 ? sd : 1.0;
    }
  }
}
