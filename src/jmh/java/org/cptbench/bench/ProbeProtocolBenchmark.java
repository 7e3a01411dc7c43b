package org.cptbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cptbench.eval.probe.CrossValidatedProbe;
import org.cptbench.eval.probe.Features;
import org.cptbench.eval.probe.ProbeOptions;
import org.cptbench.eval.probe.ProbeProtocol;
import org.cptbench.eval.probe.ProbeResult;
import org.cptbench.model.Npy;
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

/**
 * The whole SentEval protocol of a cross-validated task (MR, CR, SUBJ, MPQA: nested 10 x 10-fold, 6 C values, 610
 * fits) as {@link CrossValidatedProbe#run} does it, outer folds on {@code threads} threads (default 2). The same
 * work as {@code shared/peers/probe_protocol_peer.py --threads 2}, so the two can be timed side by side on the same
 * embeddings:
 *
 * <pre>
 *   ./harness embed --encoder minilm-l6 --input mr.txt --output mr.npy       (labels: one int per line, same order)
 *   ./harness bench ProbeProtocol -p features=mr.npy -p labels=mr.labels -wi 0 -i 1
 *   /usr/bin/python3 shared/peers/probe_protocol_peer.py --features mr.npy --labels mr.labels --threads 2
 * </pre>
 *
 * <p>Without {@code features} the input is synthetic and MR-shaped: {@code rows x dim} unit vectors of {@code 0.15
 * mu_y + e / sqrt(dim)} (two classes, random unit centres {@code mu_y}, standard normal {@code e}). One op = one
 * protocol run; the correctness guard checks the accuracy after the measurement (real MiniLM embeddings of MR give
 * about 0.77).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true"
    })
public class ProbeProtocolBenchmark {
  /** A {@code .npy} of float32 embeddings, or empty for synthetic data. */
  @Param("")
  public String features;

  /** One integer label per line, in the order of {@code features}. */
  @Param("")
  public String labels;

  @Param({"senteval-sklearn"})
  public String protocol;

  @Param("10662")
  public int rows;

  @Param("384")
  public int dim;

  /** Parallel outer folds ({@link ProbeOptions#threads()}; the peer's {@code --threads}). */
  @Param("2")
  public int threads;

  private double[][] x;
  private int[] y;
  private ProbeOptions options;
  private ProbeResult last;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    if (features.isEmpty()) {
      SplittableRandom rnd = new SplittableRandom(1111);
      float[] centres = BenchData.unitRows(rnd, 2, dim);
      x = new double[rows][dim];
      y = new int[rows];
      for (int i = 0; i < rows; i++) {
        y[i] = rnd.nextInt(2);
        double norm = 0;
        for (int j = 0; j < dim; j++) {
          x[i][j] = 0.15 * centres[y[i] * dim + j] + BenchData.gaussian(rnd) / Math.sqrt(dim);
          norm += x[i][j] * x[i][j];
        }
        for (int j = 0; j < dim; j++) {
          x[i][j] /= Math.sqrt(norm);
        }
      }
    } else {
      x = Features.toDouble(features, Npy.read(Path.of(features)));
      y = Files.readAllLines(Path.of(labels)).stream().filter(s -> !s.isBlank()).mapToInt(Integer::parseInt)
          .toArray();
    }
    options = ProbeOptions.senteval().withProtocol(ProbeProtocol.parse(protocol)).withThreads(threads);
  }

  @Benchmark
  public ProbeResult protocol() {
    last = CrossValidatedProbe.run(x, y, options);
    return last;
  }

  @TearDown(Level.Trial)
  public void check() {
    // correctness guard: far above chance, below perfect (the classes overlap like real embeddings)
    if (last == null || !(last.accuracy() > 0.6 && last.accuracy() < 1)) {
      throw new IllegalStateException("protocol accuracy " + (last == null ? "none" : last.accuracy())
          + " outside (0.6, 1)");
    }
    System.out.printf("%nprotocol accuracy %.4f (SentEval %.2f), chosen %s%n", last.accuracy(),
        last.sentevalPercent(), last.chosenPenalties());
  }
}
