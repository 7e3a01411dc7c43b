package org.cptbench.eval;

import java.nio.file.Path;
import java.util.List;
import org.cptbench.data.TaskFolder;
import org.cptbench.data.TaskKind;
import org.cptbench.data.TaskMetadata;
import org.cptbench.data.retrieval.CorpusSampling;
import org.cptbench.data.retrieval.QaLoader;
import org.cptbench.data.retrieval.RetrievalLoader;

/**
 * Runs the task a name under the data dir designates, by its kind (declared by its {@code task.yaml} or catalog
 * card, else shown by its files: {@link TaskFolder}), or a built-in task ({@code builtin/...}, see {@link
 * BuiltinTasks}). The result's details record the task's metadata ({@link TaskMetadata}): {@value #MAIN_METRIC}
 * (the main score, which must be among the metrics), {@code relevanceLevel} (ranking tasks), {@code split} and
 * {@code metadataSource}.
 */
public final class TaskEvaluator {
  /** The details key of the task's main metric. */
  public static final String MAIN_METRIC = "mainMetric";

  private TaskEvaluator() {}

  public static TaskResult evaluate(Path dataDir, String taskName, Embedder embedder, EvalOptions options) {
    if (BuiltinTasks.isBuiltin(taskName)) {
      long start = System.nanoTime();
      TaskResult r = BuiltinTasks.evaluate(taskName, embedder, options);
      TaskKind kind = TaskKind.parse(r.kind());
      r.details().put(MAIN_METRIC, TaskMetadata.defaults(kind).mainMetric(List.copyOf(r.metrics().keySet())));
      r.details().put("metadataSource", "built-in task, defaults of kind " + kind.id());
      r.details().put("seconds", (System.nanoTime() - start) / 1e9);
      return r;
    }
    TaskFolder folder = TaskFolder.detect(dataDir, taskName);
    TaskMetadata meta = folder.metadata();
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
            var d = org.cptbench.data.sts.StsLoader.load(folder.path(), options.stsSplitFor(meta));
            DataIntegrity.review(folder.name(), folder.path(), d.report(), options.strict());
            yield StsEvaluation.run(folder.name(), d, embedder);
          }
          case RETRIEVAL -> {
            var t = rename(
                RetrievalLoader.load(folder.path(), options.retrievalSplitFor(meta), sampling), folder.name());
            DataIntegrity.review(folder.name(), folder.path(), t.report(), options.strict());
            yield RetrievalEvaluation.run("retrieval", t, embedder, options.relevanceLevelFor(meta));
          }
          case CODE -> {
            var t = org.cptbench.data.code.CodeSearchLoader.load(
                folder.path(), options.retrievalSplitFor(meta), folder.name());
            DataIntegrity.review(folder.name(), folder.path(), t.report(), options.strict());
            yield CodeSearchEvaluation.run(t, embedder, options.seed());
          }
          case QA -> {
            var t = QaLoader.load(folder.path(), options.retrievalSplitFor(meta), sampling);
            DataIntegrity.review(folder.name(), folder.path(), t.report(), options.strict());
            yield QaEvaluation.run(
                new org.cptbench.data.retrieval.QaTask(
                    folder.name(), t.questionsFile(), t.corpus(), t.questions(), t.report()),
                embedder);
          }
        };
    r.details().put(MAIN_METRIC, meta.mainMetric(List.copyOf(r.metrics().keySet())));
    if (meta.kind() == TaskKind.RETRIEVAL) {
      r.details().put("relevanceLevel", options.relevanceLevelFor(meta));
    }
    if (meta.kind() != TaskKind.PROBE) {
      r.details().putIfAbsent("split", meta.kind() == TaskKind.STS ? options.stsSplitFor(meta)
          : options.retrievalSplitFor(meta));
    }
    r.details().put("metadataSource", meta.source());
    r.details().put("seconds", (System.nanoTime() - start) / 1e9);
    return r;
  }

  private static org.cptbench.data.retrieval.RetrievalTask rename(
      org.cptbench.data.retrieval.RetrievalTask t, String name) {
    return new org.cptbench.data.retrieval.RetrievalTask(
        name, t.format(), t.corpus(), t.queries(), t.qrels(), t.report());
  }
}
