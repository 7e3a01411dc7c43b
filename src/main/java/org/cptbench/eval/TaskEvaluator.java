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
          case PROBE -> {
            var d = org.cptbench.data.senteval.SentEvalLoader.load(folder.path());
            DataIntegrity.review(folder.name(), folder.path(), d.report(), options.strict());
            yield ProbeEvaluation.run(folder.name(), d, embedder, options.probe());
          }
          case STS -> {
            var d = org.cptbench.data.sts.StsLoader.load(folder.path(), options.stsSplit());
            DataIntegrity.review(folder.name(), folder.path(), d.report(), options.strict());
            yield StsEvaluation.run(folder.name(), d, embedder);
          }
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

  private static org.cptbench.data.retrieval.RetrievalTask rename(
      org.cptbench.data.retrieval.RetrievalTask t, String name) {
    return new org.cptbench.data.retrieval.RetrievalTask(
        name, t.format(), t.corpus(), t.queries(), t.qrels(), t.report());
  }
}
