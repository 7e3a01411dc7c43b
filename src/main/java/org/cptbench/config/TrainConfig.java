package org.cptbench.config;

import java.util.List;
import java.util.Locale;
import org.cptbench.CptbenchException;
import org.cptbench.train.CorpusSpec;
import org.cptbench.train.LearningRateSchedule;
import org.cptbench.train.TrainSpec;

/**
 * Reads a {@code train:} mapping on top of defaults. Keys: steps, batchSize, learningRate, warmupSteps, decay
 * (cosine | linear | constant), weightDecay, clipNorm, temperature ({learned: T} | {fixed: T}), seed, checkpoints,
 * chunkSize, corpus, window, minChars, tokenizerChars.
 */
public final class TrainConfig {
  public static final String[] KEYS = {
    "steps", "batchSize", "learningRate", "warmupSteps", "decay", "weightDecay", "clipNorm", "temperature", "seed",
    "checkpoints", "chunkSize", "corpus", "window", "minChars", "tokenizerChars"
  };

  /** The default batch size of {@code ./harness train} and of suites that name none. */
  public static final int DEFAULT_BATCH_SIZE = 256;

  private TrainConfig() {}

  /** The defaults of {@code ./harness train} and of suites: 300 steps, batch {@value #DEFAULT_BATCH_SIZE}. */
  public static TrainSpec defaults(long seed) {
    return TrainSpec.defaults(300, DEFAULT_BATCH_SIZE, seed);
  }

  /** Training and corpus settings read from {@code n} over {@code base} / {@code baseCorpus}. */
  public record Parsed(TrainSpec train, CorpusSpec corpus) {}

  public static Parsed parse(ConfigNode n, TrainSpec base, CorpusSpec baseCorpus) {
    n.allowOnly(KEYS);
    int steps = n.getInt("steps", base.steps());
    TrainSpec t =
        new TrainSpec(
            steps,
            n.getInt("batchSize", base.batchSize()),
            n.getDouble("learningRate", base.learningRate()),
            n.getInt("warmupSteps", n.has("steps") && !n.has("warmupSteps") ? Math.max(1, steps / 10)
                : base.warmupSteps()),
            n.has("decay") ? decay(n.source() + ": " + n.key("decay"), n.getString("decay", "")) : base.decay(),
            n.getDouble("weightDecay", base.weightDecay()),
            n.getDouble("clipNorm", base.clipNorm()),
            n.has("temperature") ? TemperatureConfig.parse(n.child("temperature")) : base.temperature(),
            n.getLong("seed", base.seed()),
            n.getIntList("checkpoints", stripFinal(base.checkpoints(), base.steps())),
            n.getInt("chunkSize", base.chunkSize()));
    CorpusSpec c =
        new CorpusSpec(
            n.getString("corpus", baseCorpus.corpus()),
            n.getInt("window", baseCorpus.window()),
            n.getInt("minChars", baseCorpus.minChars()),
            n.getLong("tokenizerChars", baseCorpus.tokenizerChars()));
    return new Parsed(t, c);
  }

  private static List<Integer> stripFinal(List<Integer> cps, int steps) {
    return cps.stream().filter(s -> s != steps).toList();
  }

  public static LearningRateSchedule.Decay decay(String key, String value) {
    try {
      return LearningRateSchedule.Decay.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CptbenchException(key + ": unknown value '" + value + "'; allowed: [cosine, linear, constant]");
    }
  }
}
