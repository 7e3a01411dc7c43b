package org.cptbench.config;

import java.util.List;
import org.cptbench.CptbenchException;
import org.cptbench.train.CorpusSpec;
import org.cptbench.train.LanguageModelSpec;

/**
 * A suite's {@code pretrain:} stage: generative (causal language-model) pre-training that runs once per run,
 * content-addressed and resumable ({@link org.cptbench.train.PretrainStage}), and initialises every cell whose
 * {@code init} is {@code pretrained}:
 *
 * <pre>
 * pretrain:
 *   corpus: python-docs    # any corpus name or path (default: the train corpus)
 *   steps: 1500            # optimizer steps
 *   batchSize: 64          # sequences per step
 *   seqLen: 32             # tokens per sequence (default: the encoder's maxTokens)
 *   learningRate: 0.001    # peak (default 6e-4); warmupSteps (default steps/10), weightDecay (0.1), clipNorm (1.0)
 *   evalEvery: 100         # held-out perplexity every K steps; valSequences: 128 held-out sequences
 *   checkpoints: [500]     # also kept (the final step always is); seed: the suite's seed unless given
 *   tokenizerChars: 20000000   # characters the BPE tokenizer is trained on
 * encoder: {preset: tiny, init: pretrained}   # or sweep: {init: [scratch, pretrained]}
 * </pre>
 *
 * @param lm the pre-training settings, validated ({@link #lmFor} gives them with the sequence length resolved)
 * @param seqLen tokens per sequence; 0 = the encoder's maxTokens
 * @param corpus the corpus the stage reads ({@code window} and {@code minChars} unused)
 */
public record PretrainConfig(LanguageModelSpec lm, int seqLen, CorpusSpec corpus) {
  public static final String[] KEYS = {
    "corpus", "steps", "batchSize", "seqLen", "learningRate", "warmupSteps", "weightDecay", "clipNorm", "seed",
    "checkpoints", "evalEvery", "valSequences", "tokenizerChars"
  };

  /** Reads {@code n} (the {@code pretrain:} mapping); {@code trainCorpus} is the default corpus. */
  public static PretrainConfig parse(ConfigNode n, long suiteSeed, CorpusSpec trainCorpus) {
    n.allowOnly(KEYS);
    int steps = n.getInt("steps", 1000);
    int batch = n.getInt("batchSize", 64);
    int seqLen = n.getInt("seqLen", 0);
    if (seqLen != 0 && seqLen < 2) {
      throw new CptbenchException(n.source() + ": " + n.key("seqLen") + ": " + seqLen
          + " must be >= 2 (or left out: the encoder's maxTokens)");
    }
    long seed = n.getLong("seed", suiteSeed);
    LanguageModelSpec d = LanguageModelSpec.defaults(steps, batch, 2, seed);
    LanguageModelSpec lm;
    try {
      lm = new LanguageModelSpec(
          steps, batch, Math.max(2, seqLen),
          n.getDouble("learningRate", d.learningRate()),
          n.getInt("warmupSteps", d.warmupSteps()),
          d.decay(),
          n.getDouble("weightDecay", d.weightDecay()),
          n.getDouble("clipNorm", d.clipNorm()),
          seed,
          n.getIntList("checkpoints", List.of()),
          n.getInt("evalEvery", Math.max(1, Math.min(100, steps))),
          n.getInt("valSequences", d.valSequences()));
    } catch (CptbenchException e) {
      throw new CptbenchException(n.source() + ": " + e.getMessage(), e);
    }
    CorpusSpec corpus = new CorpusSpec(
        n.getString("corpus", trainCorpus.corpus()), trainCorpus.window(), trainCorpus.minChars(),
        n.getLong("tokenizerChars", trainCorpus.tokenizerChars()));
    return new PretrainConfig(lm, seqLen, corpus);
  }

  /** The settings for an encoder whose longest input is {@code maxTokens}. */
  public LanguageModelSpec lmFor(int maxTokens) {
    int len = seqLen == 0 ? maxTokens : seqLen;
    if (len > maxTokens) {
      throw new CptbenchException("pretrain.seqLen: " + len + " is longer than the encoder's maxTokens " + maxTokens);
    }
    LanguageModelSpec s = lm;
    return new LanguageModelSpec(s.steps(), s.batchSize(), len, s.learningRate(), s.warmupSteps(), s.decay(),
        s.weightDecay(), s.clipNorm(), s.seed(), s.checkpoints(), s.evalEvery(), s.valSequences());
  }
}
