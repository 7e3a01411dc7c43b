package org.cptbench.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cptbench.kernel.VectorOps;
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

/** Dot product of two float vectors: scalar loop vs Vector API ({@link VectorOps}); one op = one dot product. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class DotProductBenchmark {
  @Param({"256", "768", "4096"})
  public int length;

  private float[] a;
  private float[] b;

  @Setup
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(42);
    a = BenchData.gaussian(rnd, length);
    b = BenchData.gaussian(rnd, length);
    double exact = 0;
    for (int i = 0; i < length; i++) {
      exact += (double) a[i] * b[i];
    }
    double tol = 1e-4 * Math.sqrt(length);
    if (Math.abs(VectorOps.dot(a, b) - exact) > tol || Math.abs(VectorOps.dotScalar(a, b) - exact) > tol) {
      throw new IllegalStateException("dot product disagrees with the double sum " + exact);
    }
  }

  @Benchmark
  public float scalar() {
    return VectorOps.dotScalar(a, b);
  }

  @Benchmark
  public float vector() {
    return VectorOps.dot(a, b);
  }
}
