package org.cptbench.train;

import org.cptbench.CptbenchException;

/**
 * Where training pairs come from.
 *
 * @param corpus a named corpus ({@code nltk}, {@code europarl}, {@code wordnet}, {@code code}, ...) or a path to a
 *     user text/pair file or folder
 * @param window neighbouring units (sentences/paragraphs) d = 1..window apart form positive pairs
 * @param minChars pairs whose either side is shorter than this many characters are dropped
 * @param tokenizerChars characters of training text (a deterministic prefix) the BPE tokenizer is trained on
 */
public record CorpusSpec(String corpus, int window, int minChars, long tokenizerChars) {
  public static final long DEFAULT_TOKENIZER_CHARS = 20_000_000L;

  public CorpusSpec {
    if (corpus == null || corpus.isBlank()) {
      throw new CptbenchException("train.corpus: missing (a corpus name or a path)");
    }
    if (window < 1) {
      throw new CptbenchException("train.window: " + window + " must be >= 1");
    }
    if (minChars < 1) {
      throw new CptbenchException("train.minChars: " + minChars + " must be >= 1");
    }
    if (tokenizerChars < 1000) {
      throw new CptbenchException("train.tokenizerChars: " + tokenizerChars + " must be >= 1000");
    }
  }

  public static CorpusSpec of(String corpus) {
    return new CorpusSpec(corpus, 1, 10, DEFAULT_TOKENIZER_CHARS);
  }
}
