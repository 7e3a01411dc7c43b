package org.cptbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import ai.djl.Device;
import org.cptbench.model.ComputeDevice;
import org.cptbench.model.CptEncoder;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.Precision;
import org.cptbench.train.ContrastivePretrainer;
import org.cptbench.train.LearningRateSchedule;
import org.cptbench.train.PairData;
import org.cptbench.train.Seeds;
import org.cptbench.train.Temperature;
import org.cptbench.train.TrainSpec;

/**
 * Throughput of the training step (forward + backward + AdamW, learned tau) and of encoding, on random full-length
 * token sequences generated before timing, as the peer program {@code train_peer.py} measures it: untimed warm-up
 * steps, then several timed windows; the median window is reported. Training FLOPs are counted as 3x the forward
 * matrix-multiply FLOPs of the 2M sequences of a step (backward ~ 2x forward).
 */
public final class TrainThroughput {
  private TrainThroughput() {}

  /**
   * One measured configuration. {@code settleSeconds}: after the {@code warmup} steps, further warm-up until the JIT
   * compiler is quiet, for at most this long ({@link JitSettle}; 0: none).
   */
  public record Config(
      EncoderSpec spec,
      int batch,
      int chunk,
      int warmup,
      int steps,
      int windows,
      boolean encode,
      Device device,
      Precision precision,
      double settleSeconds) {

    /** fp32 on the CPU, without settling ({@link JitSettle}). */
    public Config(EncoderSpec spec, int batch, int chunk, int warmup, int steps, int windows, boolean encode) {
      this(spec, batch, chunk, warmup, steps, windows, encode, Device.cpu(), Precision.FP32, 0);
    }
  }

  public static Map<String, Object> measure(Config c) {
    EncoderSpec spec = c.spec();
    int t = spec.maxTokens();
    PairData data = randomPairs(c.batch() * 4, t, spec.vocabSize(), 7);
    TrainSpec train =
        new TrainSpec(
            1_000_000, c.batch(), 1e-4, 0, LearningRateSchedule.Decay.CONSTANT, 0.01, 0, Temperature.learnedDefault(),
            13, List.of(), c.chunk());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("preset", Map.of("layers", spec.layers(), "width", spec.width(), "ffn", spec.ffn(), "vocab",
        spec.vocabSize(), "seq", t, "heads", spec.heads()));
    out.put("batch", c.batch());
    out.put("chunk", c.chunk());
    out.put("gradCache", train.gradCache());
    double fwdFlopsPerSeq = spec.forwardFlopsPerSequence(t);
    try (ContrastivePretrainer p = new ContrastivePretrainer(spec, train, 0, c.device(), c.precision())) {
      out.put("precision", p.precision().label());
      out.put("device", ComputeDevice.label(p.device()));
      int[] step = {0};
      TimedWindows steps = TimedWindows.run(() -> {
        step[0]++;
        p.step(step[0], slice(data.xs(), step[0], c.batch()), slice(data.ys(), step[0], c.batch()));
      }, c.warmup(), c.settleSeconds(), c.windows(), c.steps());
      out.put("train_settle", steps.settle());
      out.put("train_jit_ms_timed", steps.jitMsTimed());
      List<Double> windows = steps.rates(c.batch());
      double pairsPerS = median(windows);
      out.put("train_pairs_per_s", pairsPerS);
      out.put("train_pairs_per_s_windows", windows);
      out.put("train_gflops", pairsPerS * 2 * 3 * fwdFlopsPerSeq / 1e9);
      if (c.encode()) {
        int inferBatch = 2 * c.batch();
        int[][] seqs = new int[inferBatch][];
        System.arraycopy(data.xs(), 0, seqs, 0, c.batch());
        System.arraycopy(data.ys(), 0, seqs, c.batch(), c.batch());
        CptEncoder enc = CptEncoder.wrap("bench", null, p.model().forInference(), 0);
        TimedWindows encode = TimedWindows.run(
            () -> enc.embedTokens(seqs, inferBatch), c.warmup(), c.settleSeconds(), c.windows(), c.steps());
        out.put("encode_settle", encode.settle());
        out.put("encode_jit_ms_timed", encode.jitMsTimed());
        List<Double> encWindows = encode.rates(inferBatch);
        double seqPerS = median(encWindows);
        out.put("encode_batch", inferBatch);
        out.put("encode_seq_per_s", seqPerS);
        out.put("encode_gflops", seqPerS * fwdFlopsPerSeq / 1e9);
      }
    }
    out.put("peak_rss_mb", peakRssMb());
    return out;
  }

  private static int[][] slice(int[][] all, int step, int batch) {
    int from = (step % 4) * batch;
    return Arrays.copyOfRange(all, from, from + batch);
  }

  static double median(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }

  /** Random sequences {@code [<[> ids <]>]} / <code>[&lt;{&gt; ids &lt;}&gt;]</code> of exactly {@code t} tokens. */
  static PairData randomPairs(int n, int t, int vocab, long seed) {
    SplittableRandom r = new SplittableRandom(Seeds.derive(seed, 0));
    int[][] xs = new int[n][t];
    int[][] ys = new int[n][t];
    for (int i = 0; i < n; i++) {
      for (int j = 1; j < t - 1; j++) {
        xs[i][j] = 6 + r.nextInt(vocab - 6);
        ys[i][j] = 6 + r.nextInt(vocab - 6);
      }
      xs[i][0] = 2;
      xs[i][t - 1] = 3;
      ys[i][0] = 4;
      ys[i][t - 1] = 5;
    }
    return new PairData(xs, ys);
  }

  /** Peak resident memory of this process (VmHWM), in MiB; -1 where /proc is unavailable. */
  public static double peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
