package org.cptbench.bench;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.MklDispatch;
import org.cptbench.train.ContrastivePretrainer;
import org.cptbench.train.LearningRateSchedule;
import org.cptbench.train.PairData;
import org.cptbench.train.StepStats;
import org.cptbench.train.Temperature;
import org.cptbench.train.TrainSpec;
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
 * One contrastive training step ({@link ContrastivePretrainer#step}: forward and backward of both sides, symmetric
 * InfoNCE with learned tau, global-norm clipping off, AdamW at a constant 1e-4) of the {@code preset} encoder on
 * {@code batch} random full-length pairs, cycling through 4 pre-built batches exactly as {@link TrainThroughput}
 * ({@code ./harness bench train}) does; {@code chunk > 0} runs GradCache with that chunk size. One op = one step:
 * pairs/s = batch / (s/op), GFLOP/s = pairs/s * 2 * 3 * {@link EncoderSpec#forwardFlopsPerSequence}(maxTokens) / 1e9
 * (two sequences per pair, backward ~ 2x forward).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true"
    })
public class TrainStepBenchmark {
  @Param("tiny")
  public String preset;

  @Param("128")
  public int batch;

  @Param("0")
  public int chunk;

  private ContrastivePretrainer trainer;
  private int[][][] xs;
  private int[][][] ys;
  private int step;

  @Setup(Level.Trial)
  public void setup() {
    // as the harness does for its model verbs: MKL's AVX-512 kernels on non-Intel CPUs (CPTBENCH_MKL=off: not)
    MklDispatch.configure(MklDispatch.modeFromEnvironment());
    EncoderSpec spec = EncoderSpec.preset(preset);
    PairData data = TrainThroughput.randomPairs(batch * 4, spec.maxTokens(), spec.vocabSize(), 7);
    xs = new int[4][][];
    ys = new int[4][][];
    for (int s = 0; s < 4; s++) {
      xs[s] = Arrays.copyOfRange(data.xs(), s * batch, (s + 1) * batch);
      ys[s] = Arrays.copyOfRange(data.ys(), s * batch, (s + 1) * batch);
    }
    TrainSpec train =
        new TrainSpec(
            1_000_000, batch, 1e-4, 0, LearningRateSchedule.Decay.CONSTANT, 0.01, 0, Temperature.learnedDefault(),
            13, List.of(), chunk);
    trainer = new ContrastivePretrainer(spec, train, 0);
    // correctness guard: random pairs at initialisation give a finite loss near chance, log(batch)
    StepStats first = trainer.step(++step, xs[0], ys[0]);
    double chance = Math.log(batch);
    if (!(Math.abs(first.loss() - chance) < 0.5 * chance) || !(first.gradNorm() > 0)) {
      throw new IllegalStateException(
          "first step: loss " + first.loss() + " (chance " + chance + "), gradient norm " + first.gradNorm());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    trainer.close();
  }

  @Benchmark
  public void step(Blackhole bh) {
    step++;
    bh.consume(trainer.step(step, xs[step % 4], ys[step % 4]));
  }
}
