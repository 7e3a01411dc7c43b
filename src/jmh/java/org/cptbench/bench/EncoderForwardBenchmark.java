package org.cptbench.bench;

import ai.djl.ndarray.NDManager;
import java.util.concurrent.TimeUnit;
import org.cptbench.model.CptEncoder;
import org.cptbench.model.CptTransformer;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.MklDispatch;
import org.cptbench.model.TransformerWeights;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Inference of the cpt encoder ({@link CptEncoder#embedTokens(int[][])}: length-sorted passes of at most
 * {@value CptEncoder#FORWARD_TOKENS} tokens, no autograd) on {@code batch} random full-length sequences of the
 * {@code preset} (tiny: 32 tokens, so 128 sequences per pass; 509 = 3 full passes + 125). Weights from
 * {@link TransformerWeights#initialise}, token ids as {@link TrainThroughput} draws them. One op = embedding the
 * whole batch: sequences/s = ops/s * batch and GFLOP/s = sequences/s * {@link
 * EncoderSpec#forwardFlopsPerSequence}(maxTokens) / 1e9. PyTorch intra-op threads: {@code
 * -Dai.djl.pytorch.num_threads} (the launcher sets it to the core count).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true"
    })
public class EncoderForwardBenchmark {
  @Param("tiny")
  public String preset;

  @Param({"32", "128", "509"})
  public int batch;

  private NDManager manager;
  private CptEncoder encoder;
  private int[][] ids;

  @Setup(Level.Trial)
  public void setup() {
    // as the harness does for its model verbs: MKL's AVX-512 kernels on non-Intel CPUs (CPTBENCH_MKL=off: not)
    MklDispatch.configure(MklDispatch.modeFromEnvironment());
    EncoderSpec spec = EncoderSpec.preset(preset);
    manager = NDManager.newBaseManager();
    CptTransformer model = new CptTransformer(spec, TransformerWeights.initialise(spec, 11, manager));
    encoder = CptEncoder.wrap("bench-" + preset, null, model, 0);
    ids = TrainThroughput.randomPairs(batch, spec.maxTokens(), spec.vocabSize(), 5).xs();
    // correctness guard: unit-norm finite rows, and a sequence embeds the same alone as inside the batch
    float[][] all = encoder.embedTokens(ids);
    if (all.length != batch) {
      throw new IllegalStateException(all.length + " embeddings for " + batch + " sequences");
    }
    for (int i = 0; i < batch; i++) {
      double norm = 0;
      for (float v : all[i]) {
        norm += (double) v * v;
      }
      if (all[i].length != spec.width() || !(Math.abs(Math.sqrt(norm) - 1) < 1e-4)) {
        throw new IllegalStateException("embedding " + i + " has length " + all[i].length + ", norm " + norm);
      }
    }
    int last = batch - 1;
    float[] alone = encoder.embedTokens(new int[][] {ids[last]})[0];
    for (int j = 0; j < alone.length; j++) {
      if (Math.abs(alone[j] - all[last][j]) > 1e-4) {
        throw new IllegalStateException("sequence " + last + " embeds differently alone (dim " + j + ")");
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    manager.close();
  }

  @Benchmark
  public void embedTokens(Blackhole bh) {
    bh.consume(encoder.embedTokens(ids));
  }
}
