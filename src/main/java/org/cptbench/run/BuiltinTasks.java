package org.cptbench.run;

import org.cptbench.CptbenchException;
import org.cptbench.data.corpus.TextCorpus;
import org.cptbench.eval.Embedder;
import org.cptbench.eval.EvalOptions;
import org.cptbench.eval.TaskResult;

/** Tasks and corpora built from Maven artifacts (no data dir needed): names {@code builtin/...}, {@code builtin-...}. */
public final class BuiltinTasks {
  private BuiltinTasks() {}

  public static boolean isBuiltin(String task) {
    return task.startsWith("builtin/");
  }

  public static boolean isBuiltinCorpus(String corpus) {
    return corpus.equals("builtin") || corpus.startsWith("builtin-");
  }

  public static TaskResult evaluate(String task, Embedder embedder, EvalOptions options) {
    throw new CptbenchException("unknown built-in task '" + task + "'");
  }

  public static TextCorpus corpus(String name) {
    throw new CptbenchException("unknown built-in corpus '" + name + "'");
  }
}
