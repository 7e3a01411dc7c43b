package org.cptbench.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cptbench.kernel.InfoNceKernel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Symmetric InfoNCE forward + backward ({@link InfoNceKernel#forwardBackward}) on a batch of {@code m} pairs of
 * dimension {@code dim}; one op = one forward and backward pass (3 matrix products of {@code 2 m^2 dim} flops plus
 * {@code m^2} exponentials).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class InfoNceBenchmark {
  @Param({"256", "1024", "4096"})
  public int m;

  @Param("256")
  public int dim;

  @Param("2")
  public int threads;

  @Param("2.6593")
  public double tau;

  private float[] x;
  private float[] y;

  @Setup
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(7);
    x = BenchData.gaussian(rnd, m * dim);
    y = x.clone();
    for (int i = 0; i < y.length; i++) {
      y[i] += (float) (0.5 * BenchData.gaussian(rnd));
    }
    InfoNceKernel.Result r = InfoNceKernel.forwardBackward(x, y, m, dim, tau, threads);
    // guard: positives are much closer than negatives, so the loss is far below the chance level log(m)
    if (!(r.loss() > 0 && r.loss() < Math.log(m))) {
      throw new IllegalStateException("implausible InfoNCE loss " + r.loss() + " for m = " + m);
    }
    if (m <= 256) {
      InfoNceKernel.Result ref = InfoNceKernel.reference(x, y, m, dim, tau);
      if (Math.abs(ref.loss() - r.loss()) > 1e-4 || Math.abs(ref.gradTau() - r.gradTau()) > 1e-4) {
        throw new IllegalStateException("loss " + r.loss() + " differs from the reference " + ref.loss());
      }
    }
  }

  @Benchmark
  public InfoNceKernel.Result forwardBackward() {
    return InfoNceKernel.forwardBackward(x, y, m, dim, tau, threads);
  }
}
