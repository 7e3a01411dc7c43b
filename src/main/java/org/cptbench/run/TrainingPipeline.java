package org.cptbench.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.cptbench.data.corpus.NeighbourPairs;
import org.cptbench.data.corpus.TextCorpus;
import org.cptbench.data.corpus.TextPair;
import org.cptbench.eval.BuiltinTasks;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.Precision;
import org.cptbench.train.CorpusSpec;
import org.cptbench.train.InitModel;
import org.cptbench.train.StepStats;
import org.cptbench.train.TrainSpec;
import org.cptbench.train.TrainingRun;

/**
 * The one training pipeline of {@code ./harness train} and {@code ./harness run}: a corpus (named or a path under
 * the data dir) gives neighbouring-text pairs, a byte-level BPE tokenizer is trained on its text, and
 * {@link TrainingRun} trains the encoder (resuming from its latest checkpoint). Pairs are kept per corpus settings,
 * so the cells of a suite share them.
 */
public final class TrainingPipeline {
  private final Path dataDir;
  private final PrintStream log;
  private final Map<String, List<TextPair>> pairsByCorpus = new HashMap<>();

  public TrainingPipeline(Path dataDir, PrintStream log) {
    this.dataDir = dataDir;
    this.log = log;
  }

  /** The positive pairs of a corpus: units 1..window apart, both sides at least minChars long. */
  public List<TextPair> pairs(CorpusSpec c) {
    return pairsByCorpus.computeIfAbsent(c.corpus() + "|" + c.window() + "|" + c.minChars(), k -> {
      List<TextPair> p = corpus(c).pairs(new NeighbourPairs.Options(c.window(), 1, c.minChars()));
      log.printf(Locale.ROOT, "  corpus %s: %,d pairs%n", c.corpus(), p.size());
      return p;
    });
  }

  /** {@code file}, a tokenizer of at most {@code vocabSize} tokens trained on the corpus (kept when present). */
  public Path tokenizer(CorpusSpec c, int vocabSize, Path file) {
    return TrainingRun.ensureTokenizer(file, corpus(c).texts(), vocabSize, c.tokenizerChars());
  }

  /**
   * Trains into {@code out} (tokenizer.json, train-log.csv, checkpoints/step-N/); provenance gets the corpus
   * settings and the pair count.
   *
   * @return the final encoder shape (with the tokenizer's vocabulary size)
   */
  public EncoderSpec train(
      EncoderSpec encoder, TrainSpec train, CorpusSpec c, Path tokenizer, Path out, Map<String, Object> provenance,
      Consumer<StepStats> listener) {
    return train(
        encoder, train, ai.djl.engine.Engine.getEngine("PyTorch").defaultDevice(), Precision.FP32, null, c,
        tokenizer, out, provenance, listener);
  }

  /**
   * As above, on {@code device} in {@code precision} (resolved), from the weights of {@code init} when not null
   * ({@code tokenizer} is then the initial model's).
   */
  public EncoderSpec train(
      EncoderSpec encoder,
      TrainSpec train,
      ai.djl.Device device,
      Precision precision,
      InitModel init,
      CorpusSpec c,
      Path tokenizer,
      Path out,
      Map<String, Object> provenance,
      Consumer<StepStats> listener) {
    List<TextPair> pairs = pairs(c);
    provenance.putIfAbsent("corpus", c.corpus());
    provenance.putIfAbsent("window", c.window());
    provenance.put("pairs", pairs.size());
    return TrainingRun.run(encoder, train, device, precision, pairs, tokenizer, init, out, provenance, listener);
  }

  private TextCorpus corpus(CorpusSpec c) {
    return BuiltinTasks.openCorpus(c.corpus(), dataDir);
  }
}
