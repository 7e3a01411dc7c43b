package org.cptbench.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options {@code pretrain} and {@code train} share, as a picocli mixin ({@code @Mixin TrainingRunOptions run =
 * new TrainingRunOptions();}): what model to start from, what to read, where to write. Unset options are null; each
 * command applies its default (for {@code train}, after its {@code --config} file), so the defaults below hold for
 * both. Options whose defaults differ between the two ({@code --steps}, {@code --batch-size}, {@code --lr}) stay in
 * the commands.
 */
final class TrainingRunOptions {
  static final String DEFAULT_PRESET = "tiny";
  static final String DEFAULT_CORPUS = "nltk";
  static final long DEFAULT_SEED = 13;

  @Option(names = "--preset", description = "model size preset: tiny, small, base (default tiny)")
  String preset;

  @Option(names = "--corpus", description = "corpus name (nltk, europarl, wordnet, code, builtin, ...) or a path "
      + "(default nltk)")
  String corpus;

  @Option(names = "--out", required = true, description = "output folder")
  Path out;

  @Option(names = "--seed", description = "root seed (default 13)")
  Long seed;

  @Option(names = "--checkpoints", split = ",", description = "steps to checkpoint at (the last step always is)")
  List<Integer> checkpoints;

  @Option(names = "--vocab-size", description = "tokenizer vocabulary incl. <|endoftext|> (default: the preset's)")
  Integer vocabSize;

  @Option(
      names = "--init",
      paramLabel = "DIR",
      description = "start from this model folder (a cptbench checkpoint, e.g. `pretrain`'s or `train`'s"
          + " checkpoints/step-N) instead of random weights: its architecture, weights and tokenizer")
  Path init;

  @Option(names = "--no-progress", description = "no progress bar")
  boolean noProgress;

  String presetOrDefault() {
    return preset != null ? preset : DEFAULT_PRESET;
  }

  String corpusOrDefault() {
    return corpus != null ? corpus : DEFAULT_CORPUS;
  }

  long seedOrDefault() {
    return seed != null ? seed : DEFAULT_SEED;
  }
}
