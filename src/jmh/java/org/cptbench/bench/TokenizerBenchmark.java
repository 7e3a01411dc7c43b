package org.cptbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cptbench.text.BpeModel;
import org.cptbench.text.BpeTrainer;
import org.cptbench.text.CptTokenizer;
import org.cptbench.text.Side;
import org.cptbench.text.TokenizerJson;
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
 * {@link CptTokenizer#encode} (DJL's HuggingFace tokenizers binding, batch encode, delimiters, truncation) of
 * {@code texts} generated sentences ({@link BenchText}, about a tenth longer than {@code maxTokens}) for side X.
 * The byte-level BPE vocabulary ({@code vocab} tokens) is trained once per trial with {@link BpeTrainer} on 20,000
 * other sentences of the same generator. One op = encoding all texts, so texts/s = ops/s * texts.
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
public class TokenizerBenchmark {
  @Param("1000")
  public int texts;

  @Param("64")
  public int maxTokens;

  @Param("4000")
  public int vocab;

  private CptTokenizer tokenizer;
  private List<String> input;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    BenchText generator = new BenchText(31, 3000);
    List<String> training = generator.sentences(new SplittableRandom(32), 20_000);
    input = generator.sentences(new SplittableRandom(33), texts);
    BpeModel model = new BpeTrainer(BpeTrainer.Config.defaults().withVocabSize(vocab)).train(training);
    Path json = Files.createTempFile("cptbench-bench-tokenizer", ".json");
    try {
      TokenizerJson.write(model, json);
      tokenizer = CptTokenizer.load(json);
    } finally {
      Files.deleteIfExists(json);
    }
    // correctness guard: DJL segments exactly like the Java BPE model, delimiters and truncation as documented
    int[][] pieces = tokenizer.pieces(input);
    int[][] ids = tokenizer.encode(input, Side.X, maxTokens);
    int truncated = 0;
    for (int i = 0; i < input.size(); i++) {
      if (i < 50 && !Arrays.equals(model.encode(input.get(i)), pieces[i])) {
        throw new IllegalStateException("DJL and BpeModel segment text " + i + " differently: " + input.get(i));
      }
      int[] row = ids[i];
      int expected = Math.min(pieces[i].length, maxTokens - 2) + 2;
      if (row.length != expected
          || row[0] != tokenizer.startId(Side.X)
          || row[row.length - 1] != tokenizer.endId(Side.X)
          || !Arrays.equals(pieces[i], 0, expected - 2, row, 1, row.length - 1)) {
        throw new IllegalStateException("encode(" + i + ") is not [<[> pieces[0.." + (expected - 2) + ") <]>]");
      }
      truncated += pieces[i].length > maxTokens - 2 ? 1 : 0;
    }
    if (texts >= 100 && (truncated == 0 || truncated == texts)) {
      throw new IllegalStateException(truncated + " of " + texts + " texts truncated; expected some but not all");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    tokenizer.close();
  }

  @Benchmark
  public void encode(Blackhole bh) {
    bh.consume(tokenizer.encode(input, Side.X, maxTokens));
  }
}
