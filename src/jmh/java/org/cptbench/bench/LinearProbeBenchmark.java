package org.cptbench.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cptbench.eval.probe.LinearProbe;
import org.cptbench.eval.probe.ProbeOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One fit of the SentEval linear probe ({@link LinearProbe#fit(double[][], int[], double, ProbeOptions)}, Smile
 * L-BFGS, SentEval protocol options, inverse penalty {@code c}) on {@code rows x dim} synthetic sentence embeddings:
 * unit vectors of {@code 0.15 mu_y + e / sqrt(dim)} with a random unit class centre {@code mu_y} per class, {@code e}
 * standard normal, labels uniform over {@code classes}. Two classes use Smile's binomial model, more the symmetric
 * softmax objective. One op = one fit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true"
    })
public class LinearProbeBenchmark {
  @Param({"2", "6"})
  public int classes;

  @Param("10000")
  public int rows;

  @Param("256")
  public int dim;

  @Param("1.0")
  public double c;

  private double[][] x;
  private int[] y;
  private ProbeOptions options;

  @Setup(Level.Trial)
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(1111);
    float[] centres = BenchData.unitRows(rnd, classes, dim);
    x = new double[rows][dim];
    y = new int[rows];
    double noise = 1 / Math.sqrt(dim);
    for (int i = 0; i < rows; i++) {
      y[i] = rnd.nextInt(classes);
      double norm = 0;
      for (int j = 0; j < dim; j++) {
        x[i][j] = 0.15 * centres[y[i] * dim + j] + noise * BenchData.gaussian(rnd);
        norm += x[i][j] * x[i][j];
      }
      for (int j = 0; j < dim; j++) {
        x[i][j] /= Math.sqrt(norm);
      }
    }
    options = ProbeOptions.senteval();
    // correctness guard: the classes overlap (like real embeddings) but are far above chance, and the fit finds it
    double accuracy = LinearProbe.fit(x, y, c, options).accuracy(x, y);
    double chance = 1.0 / classes;
    if (!(accuracy > chance + 0.5 * (1 - chance)) || !(accuracy < 1)) {
      throw new IllegalStateException(
          "training accuracy " + accuracy + " for " + classes + " classes; the data are built for (chance + 1) / 2"
              + " to 1 (exclusive)");
    }
  }

  @Benchmark
  public void fit(Blackhole bh) {
    bh.consume(LinearProbe.fit(x, y, c, options));
  }
}
