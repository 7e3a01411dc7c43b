package org.cptbench.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cptbench.kernel.ExactSearch;
import org.cptbench.kernel.TopK;
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
 * Exact top-k inner-product search, the same problem as the peer retrieval_peer.py (FAISS IndexFlatIP, torch
 * matmul+topk): {@code docs} unit vectors of dimension {@code dim}, {@code queries} noisy copies of random documents,
 * top {@code k}. One op = one search of all queries, so queries/s = ops/s * queries and GFLOP/s = ops/s * 2 * docs *
 * dim * queries / 1e9. The index (packing) is built in the setup, like {@code IndexFlatIP.add}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class ExactSearchBenchmark {
  @Param("100000")
  public int docs;

  @Param("256")
  public int dim;

  @Param("1000")
  public int queries;

  @Param("100")
  public int k;

  @Param("2")
  public int threads;

  private ExactSearch index;
  private float[] queryVectors;

  @Setup(Level.Trial)
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(20261128L);
    float[] docVectors = BenchData.unitRows(rnd, docs, dim);
    int[] sources = new int[queries];
    queryVectors = BenchData.noisyQueries(rnd, docVectors, docs, dim, queries, sources);
    index = ExactSearch.index(docVectors, docs, dim, null);
    // correctness guard: the first queries against the plain reference, and the top-1 is mostly the source doc
    TopK got = index.search(queryVectors, queries, k, threads);
    int check = Math.min(queries, 8);
    TopK ref =
        ExactSearch.reference(docVectors, docs, dim, Arrays.copyOf(queryVectors, check * dim), check, k, null);
    for (int i = 0; i < check; i++) {
      if (!Arrays.equals(ref.indices()[i], got.indices()[i]) || !Arrays.equals(ref.scores()[i], got.scores()[i])) {
        throw new IllegalStateException("search result of query " + i + " differs from ExactSearch.reference");
      }
    }
    int hits = 0;
    for (int i = 0; i < queries; i++) {
      hits += got.indices()[i][0] == sources[i] ? 1 : 0;
    }
    if (hits < 0.9 * queries) {
      throw new IllegalStateException("top-1 is the source document for only " + hits + " of " + queries);
    }
  }

  @Benchmark
  public void search(Blackhole bh) {
    bh.consume(index.search(queryVectors, queries, k, threads));
  }
}
