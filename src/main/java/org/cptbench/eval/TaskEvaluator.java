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
          // STS and probe tasks load inside their evaluation: their findings are reviewed from its details
          case PROBE -> reviewed(folder, ProbeEvaluation.run(folder.name(), folder.path(), embedder, options.probe()),
              options);
          case STS -> reviewed(folder, StsEvaluation.run(folder.name(), folder.path(), options.stsSplit(), embedder),
              options);
          case RETRIEVAL -> {
            var t = rename(RetrievalLoader.load(folder.path(), options.retrievalSplit(), sampling), folder.name());
            DataIntegrity.review(folder.name(), folder.path(), t.report(), options.strict());
            yield RetrievalEvaluation.run("retrieval", t, embedder, options.relevanceLevelFor(folder.name()));
          }
          case CODE -> {
            var t = org.cptbench.data.code.CodeSearchLoader.load(
                folder.path(), options.retrievalSplit(), folder.name());
            DataIntegrity.review(folder.name(), folder.path(), t.report(), options.strict());
            yield CodeSearchEvaluation.run(t, embedder, options.seed());
          }
          case QA -> {
            var t = QaLoader.load(folder.path(), options.retrievalSplit(), sampling);
            DataIntegrity.review(folder.name(), folder.path(), t.report(), options.strict());
            yield QaEvaluation.run(
                new org.cptbench.data.retrieval.QaTask(
                    folder.name(), t.questionsFile(), t.corpus(), t.questions(), t.report()),
                embedder);
          }
        };
    r.details().put("seconds", (System.nanoTime() - start) / 1e9);
    return r;
  }

  private static TaskResult reviewed(TaskFolder folder, TaskResult r, EvalOptions options) {
    Object w = r.details().get("warnings");
    java.util.List<String> warnings =
        w instanceof java.util.List<?> l ? l.stream().map(String::valueOf).toList() : java.util.List.of();
    DataIntegrity.review(folder.name(), folder.path(), warnings, options.strict());
    return r;
  }

  private static org.cptbench.data.retrieval.RetrievalTask rename(
      org.cptbench.data.retrieval.RetrievalTask t, String name) {
    return new org.cptbench.data.retrieval.RetrievalTask(
        name, t.format(), t.corpus(), t.queries(), t.qrels(), t.report());
  }
}
