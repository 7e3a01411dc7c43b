package org.cptbench.eval;

import java.util.List;
import org.cptbench.CptbenchException;
import org.cptbench.data.builtin.BuiltinData;
import org.cptbench.data.corpus.TextCorpus;

/**
 * Tasks and corpora built from Maven artifacts, so a suite runs with no data dir and no network (see
 * {@link BuiltinData}):
 *
 * <ul>
 *   <li>corpus {@code builtin-wordnet}: WordNet 3.1 (lemmas + definition, example) pairs of the training synsets;
 *   <li>corpus {@code builtin-code}: CodeSearchNet-style (first Javadoc sentence, method) pairs of the training
 *       libraries; {@code builtin}: both;
 *   <li>task {@code builtin/code-search}: docstring to code search over the methods of held-out libraries;
 *   <li>task {@code builtin/wordnet-examples}: gloss to usage-example retrieval over held-out synsets.
 * </ul>
 */
public final class BuiltinTasks {
  public static final List<String> TASKS = List.of(BuiltinData.CODE_SEARCH_TASK, BuiltinData.WORDNET_TASK);
  public static final List<String> CORPORA = List.of("builtin", "builtin-wordnet", "builtin-code");

  private BuiltinTasks() {}

  public static boolean isBuiltin(String task) {
    return task.startsWith("builtin/");
  }

  public static boolean isBuiltinCorpus(String corpus) {
    return corpus.equals("builtin") || corpus.startsWith("builtin-");
  }

  public static TaskResult evaluate(String task, Embedder embedder, EvalOptions options) {
    return switch (task) {
      case BuiltinData.CODE_SEARCH_TASK -> RetrievalEvaluation.run("code", BuiltinData.codeSearchTask(), embedder, 1);
      case BuiltinData.WORDNET_TASK -> RetrievalEvaluation.run("retrieval", BuiltinData.wordnetTask(), embedder, 1);
      default -> throw new CptbenchException("unknown built-in task '" + task + "'; allowed: " + TASKS);
    };
  }

  public static TextCorpus corpus(String name) {
    TextCorpus wordnet = TextCorpus.ofPairs("builtin-wordnet", BuiltinData::wordnetPairs);
    TextCorpus code = TextCorpus.ofPairs("builtin-code", BuiltinData::codeTrainPairs);
    return switch (name) {
      case "builtin-wordnet" -> wordnet;
      case "builtin-code" -> code;
      case "builtin" -> TextCorpus.concat("builtin", List.of(wordnet, code));
      default -> throw new CptbenchException("unknown built-in corpus '" + name + "'; allowed: " + CORPORA);
    };
  }

  /** A built-in corpus, or {@link org.cptbench.data.corpus.Corpora#open} for every other name or path. */
  public static TextCorpus openCorpus(String nameOrPath, java.nio.file.Path dataDir) {
    return isBuiltinCorpus(nameOrPath) ? corpus(nameOrPath)
        : org.cptbench.data.corpus.Corpora.open(nameOrPath, dataDir);
  }
}
