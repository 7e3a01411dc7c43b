package org.cptbench.eval;

import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.data.LoadReport;
import org.cptbench.data.builtin.BuiltinData;
import org.cptbench.data.corpus.TextCorpus;
import org.cptbench.data.retrieval.Queries;
import org.cptbench.data.retrieval.RetrievalCorpus;
import org.cptbench.data.retrieval.RetrievalTask;
import org.cptbench.eval.trec.Qrels;

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
  public static final List<String> TASKS = List.of("builtin/code-search", "builtin/wordnet-examples");
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
      case "builtin/code-search" ->
          RetrievalEvaluation.run("code", convert(task, BuiltinData.codeSearchTask()), embedder, 1);
      case "builtin/wordnet-examples" ->
          RetrievalEvaluation.run("retrieval", convert(task, BuiltinData.wordnetTask()), embedder, 1);
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

  static RetrievalTask convert(String name, org.cptbench.data.builtin.RetrievalTask t) {
    Map<String, Map<String, Integer>> qrels = t.qrels();
    return new RetrievalTask(
        name,
        "builtin",
        new RetrievalCorpus(t.docIds(), t.docs(), null),
        new Queries(t.queryIds(), t.queries()),
        Qrels.of(qrels),
        LoadReport.empty());
  }
}
