package org.cptbench.eval;

import java.nio.file.Path;
import org.cptbench.data.TaskFolder;
import org.cptbench.data.retrieval.CorpusSampling;
import org.cptbench.data.retrieval.QaLoader;
import org.cptbench.data.retrieval.RetrievalLoader;

/**
 * Runs the task a name under the data dir designates, by the kind its files show (see {@link TaskFolder}), or a
 * built-in task ({@code builtin/...}, see {@link BuiltinTasks}).
 */
public final class TaskEvaluator {
  private TaskEvaluator() {}

  public static TaskResult evaluate(Path dataDir, String taskName, Embedder embedder, EvalOptions options) {
    if (BuiltinTasks.isBuiltin(taskName)) {
      long start = System.nanoTime();
      TaskResult r = BuiltinTasks.evaluate(taskName, embedder, options);
      r.details().put("seconds", (System.nanoTime() - start) / 1e9);
      return r;
    }
    TaskFolder folder = TaskFolder.detect(dataDir, taskName);
    long start = System.nanoTime();
    CorpusSampling sampling =
        options.distractors() >= 0
            ? CorpusSampling.distractors(options.distractors(), options.seed())
            : CorpusSampling.KEEP_ALL;
    TaskResult r =
        switch (folder.kind()) {
          case PROBE -> ProbeEvaluation.run(folder.name(), folder.path(), embedder, options.probe());
          case STS -> StsEvaluation.run(folder.name(), folder.path(), options.stsSplit(), embedder);
          case RETRIEVAL ->
              RetrievalEvaluation.run(
                  "retrieval",
                  rename(RetrievalLoader.load(folder.path(), options.retrievalSplit(), sampling), folder.name()),
                  embedder,
                  options.relevanceLevelFor(folder.name()));
          case CODE ->
              CodeSearchEvaluation.run(
                  org.cptbench.data.code.CodeSearchLoader.load(folder.path(), options.retrievalSplit(), folder.name()),
                  embedder,
                  options.seed());
          case QA -> {
            var t = QaLoader.load(folder.path(), options.retrievalSplit(), sampling);
            yield QaEvaluation.run(
                new org.cptbench.data.retrieval.QaTask(
                    folder.name(), t.questionsFile(), t.corpus(), t.questions(), t.report()),
                embedder);
          }
        };
    r.details().put("seconds", (System.nanoTime() - start) / 1e9);
    return r;
  }

  private static org.cptbench.data.retrieval.RetrievalTask rename(
      org.cptbench.data.retrieval.RetrievalTask t, String name) {
    return new org.cptbench.data.retrieval.RetrievalTask(
        name, t.format(), t.corpus(), t.queries(), t.qrels(), t.report());
  }
}
