package org.cptbench.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cptbench.CptbenchException;
import org.cptbench.bench.HostProducts;
import org.cptbench.bench.PretrainThroughput;
import org.cptbench.bench.TrainThroughput;
import org.cptbench.model.Bf16Support;
import org.cptbench.model.ComputeDevice;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.Precision;
import org.cptbench.model.MklDispatch;
import org.cptbench.run.Provenance;
import org.cptbench.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./harness bench train}: training and encoding throughput of the cpt encoder. Each configuration runs in a
 * fresh JVM (same flags and environment as this one) so that its peak resident memory is its own.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks. `bench train`: training pairs/s, encoding sequences/s, GFLOP/s and peak memory of the cpt",
      "encoder (random full-length sequences, like shared/peers/train_peer.py). `bench pretrain`: language-model",
      "pre-training tokens/s, GFLOP/s and peak memory (like train_peer.py --objective lm). Both first time the",
      "machine's bare 4096 x 1024 x 1024 matrix product (fp32; bf16 where native): figures from other days or",
      "machines compare only beside it.",
      "JMH kernels: `./harness bench REGEX [JMH options]` (the launcher runs JMH, then bench-report)."
    })
public final class BenchCommand implements Callable<Integer> {

  @Parameters(index = "0", description = "what to benchmark: train or pretrain")
  String what;

  @Option(names = "--preset", split = ",", description = "encoder presets (default: tiny,small)")
  List<String> presets = List.of("tiny", "small");

  @Option(names = "--batch", split = ",", description = "pairs (train) or sequences (pretrain) per step (default: tiny 128, small 256)")
  List<Integer> batches;

  @Option(names = "--chunk", description = "GradCache chunk size in pairs (0 = plain step; default 0)")
  int chunk;

  @Option(names = "--seq", description = "sequence length incl. delimiters (default: the preset's)")
  Integer seq;

  @Option(names = "--steps", description = "steps per timed window (default 5)")
  int steps = 5;

  @Option(names = "--windows", description = "timed windows (default 3); the median is reported")
  int windows = 3;

  @Option(names = "--warmup", description = "untimed warm-up steps (default 2)")
  int warmup = 2;

  @Option(names = "--settle", paramLabel = "SECONDS", description = "after the warm-up steps, keep warming up until"
      + " the JVM's JIT compiler used under 5% of two consecutive 0.5 s windows, for at most this long (default 20;"
      + " 0: off)")
  double settle = 20;

  @Option(names = "--no-encode", description = "skip the encoding benchmark")
  boolean noEncode;

  @Option(names = "--precision", description = "forward-pass precision: fp32, bf16 or auto (default fp32)")
  String precision = "fp32";

  @Option(names = "--device", description = "auto, cpu or cuda[:N] (default cpu)")
  String device = "cpu";

  @Option(names = "--json", description = "also write all results as JSON to this file")
  Path json;

  @Option(names = "--profile", paramLabel = "FILE", description = "write libtorch's profiler trace of each run"
      + " (Chrome trace JSON; FILE gets -PRESET-BATCH.json appended) to see where the time goes")
  Path profile;

  @Option(names = "--in-process", hidden = true, description = "measure in this JVM (used by the child runs)")
  boolean inProcess;

  @Override
  public Integer call() throws Exception {
    if (!"train".equals(what) && !"pretrain".equals(what)) {
      throw new CptbenchException(
          "bench: unknown benchmark '" + what + "'; allowed: train, pretrain (JMH kernels: ./harness bench REGEX)");
    }
    if (!(settle >= 0 && settle <= 3600)) {
      throw new CptbenchException("bench: --settle " + settle + " must be between 0 (off) and 3600 seconds");
    }
    boolean lm = "pretrain".equals(what);
    List<Map<String, Object>> results = new ArrayList<>();
    Map<String, Object> hostProduct = null;
    Precision requested = Precision.parse("--precision", precision);
    ComputeDevice where = ComputeDevice.parse("--device", device);
    ai.djl.Device dev = where.resolve();
    Precision resolved = requested.resolve(dev);
    if (!inProcess) {
      System.out.println("MKL dispatch: " + MklDispatch.status());
      System.out.println("device " + ComputeDevice.label(dev) + ", precision " + requested.label()
          + (requested == Precision.AUTO ? " -> " + resolved.label() : "") + " (" + Bf16Support.describe(dev) + ")");
      hostProduct = HostProducts.measure(dev, HostProducts.M, HostProducts.K, HostProducts.N);
      System.out.println(HostProducts.describe(hostProduct));
    }
    for (String preset : presets) {
      EncoderSpec spec = EncoderSpec.preset(preset);
      if (seq != null) {
        spec = spec.withMaxTokens(seq);
      }
      List<Integer> bs = batches != null ? batches : List.of(preset.equals("tiny") ? 128 : 256);
      for (int b : bs) {
        if (inProcess && profile != null) {
          ai.djl.engine.Engine.getEngine("PyTorch"); // loads the JNI library
          ai.djl.pytorch.jni.JniUtils.startProfile(false, true, false);
        }
        Map<String, Object> r =
            !inProcess
                ? child(preset, b)
                : lm
                    ? PretrainThroughput.measure(
                        new PretrainThroughput.Config(
                        spec, b, spec.maxTokens(), warmup, steps, windows, resolved, settle))
                    : TrainThroughput.measure(
                        new TrainThroughput.Config(
                        spec, b, chunk, warmup, steps, windows, !noEncode, dev, resolved, settle));
        r.put("name", preset);
        if (inProcess && profile != null) {
          Path trace = Path.of(profile + "-" + preset + "-" + b + ".json");
          ai.djl.pytorch.jni.JniUtils.stopProfile(trace.toAbsolutePath().toString());
          r.put("profile", trace.toString());
        }
        if (inProcess) {
          r.put("mkl_dispatch", MklDispatch.status().toString());
        }
        results.add(r);
        if (inProcess) {
          System.out.println("RESULT " + Json.compact(r));
        } else if (lm) {
          printPretrain(r);
        } else {
          print(r);
        }
      }
    }
    if (json != null && !inProcess) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("generatedBy", "./harness bench " + what);
      doc.put("threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
      doc.put("mklDispatch", MklDispatch.status().toString());
      doc.put("precision", resolved.label());
      doc.put("precisionRequested", requested.label());
      doc.put("device", ComputeDevice.label(dev));
      doc.put("bf16Support", Bf16Support.describe(dev));
      doc.put("env", Provenance.speedEnvironment());
      doc.put("hostProduct", hostProduct);
      doc.put("results", results);
      Json.writeFile(json, doc);
    }
    return 0;
  }

  private static void print(Map<String, Object> r) {
    System.out.printf(
        Locale.ROOT,
        "%-6s %-4s batch %5s chunk %4s seq %3s | train %8.1f pairs/s %6.1f GFLOP/s | encode %8s seq/s %6s GFLOP/s | peak RSS %7.0f MiB%n",
        r.get("name"),
        r.get("precision"),
        r.get("batch"),
        r.get("chunk"),
        ((Map<?, ?>) r.get("preset")).get("seq"),
        ((Number) r.get("train_pairs_per_s")).doubleValue(),
        ((Number) r.get("train_gflops")).doubleValue(),
        r.containsKey("encode_seq_per_s")
            ? String.format(Locale.ROOT, "%.1f", ((Number) r.get("encode_seq_per_s")).doubleValue())
            : "-",
        r.containsKey("encode_gflops")
            ? String.format(Locale.ROOT, "%.1f", ((Number) r.get("encode_gflops")).doubleValue())
            : "-",
        ((Number) r.get("peak_rss_mb")).doubleValue());
  }

  private static void printPretrain(Map<String, Object> r) {
    System.out.printf(
        Locale.ROOT,
        "%-6s %-4s batch %5s seq %3s | pretrain %9.1f tokens/s %6.1f GFLOP/s | peak RSS %7.0f MiB%n",
        r.get("name"),
        r.get("precision"),
        r.get("batch"),
        ((Map<?, ?>) r.get("preset")).get("seq"),
        ((Number) r.get("train_tokens_per_s")).doubleValue(),
        ((Number) r.get("train_gflops")).doubleValue(),
        ((Number) r.get("peak_rss_mb")).doubleValue());
  }

  /** Runs one configuration in a new JVM and parses its RESULT line. */
  private Map<String, Object> child(String preset, int batch) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of("bench", what, "--in-process", "--preset", preset, "--batch", String.valueOf(batch)));
    cmd.addAll(List.of("--chunk", String.valueOf(chunk), "--steps", String.valueOf(steps)));
    cmd.addAll(List.of("--precision", precision, "--device", device));
    cmd.addAll(List.of("--windows", String.valueOf(windows), "--warmup", String.valueOf(warmup)));
    cmd.addAll(List.of("--settle", String.valueOf(settle)));
    if (seq != null) {
      cmd.addAll(List.of("--seq", String.valueOf(seq)));
    }
    if (noEncode) {
      cmd.add("--no-encode");
    }
    if (profile != null) {
      cmd.addAll(List.of("--profile", profile.toString()));
    }
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    for (String line : out.split("\n")) {
      if (line.startsWith("RESULT ")) {
        return Json.MAPPER.readValue(line.substring(7), new TypeReference<LinkedHashMap<String, Object>>() {});
      }
    }
    throw new CptbenchException("benchmark child for " + preset + " batch " + batch + " failed (exit " + rc + ")");
  }

}
