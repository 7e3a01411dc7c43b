package org.cptbench.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.cptbench.CptbenchException;
import org.cptbench.data.retrieval.QaLoader;
import org.cptbench.data.retrieval.RetrievalLoader;
import org.cptbench.data.senteval.SentEvalLoader;
import org.cptbench.data.sts.StsLoader;

/**
 * A task name resolved against the data dir: the task name is a relative path under it ({@code senteval/MR},
 * {@code sts/STS12}, {@code beir/msmarco-dl19-mini}, {@code openqa/nq-open}, or a QA question file such as {@code
 * openqa/dpr-format/topics.dpr.nq.test.txt}), with its {@link TaskMetadata}. The kind is the one the folder's
 * {@code task.yaml} or the task's catalog card declares; else it comes from the files found there, tried in the
 * order SentEval, STS, code search, retrieval, QA.
 */
public record TaskFolder(String name, Path path, TaskMetadata metadata) {
  public TaskFolder {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(metadata, "metadata");
  }

  /** How the task is loaded and scored. */
  public TaskKind kind() {
    return metadata.kind();
  }

  /** Resolves {@code taskName} under {@code dataDir} and recognises its layout; errors say what was found. */
  public static TaskFolder detect(Path dataDir, String taskName) {
    Objects.requireNonNull(dataDir, "dataDir");
    if (taskName == null || taskName.isBlank()) {
      throw new CptbenchException("task name must not be empty (a path under the data dir, e.g. senteval/MR)");
    }
    Path p = dataDir.resolve(taskName).normalize();
    if (Path.of(taskName).isAbsolute() || !p.startsWith(dataDir.normalize())) {
      throw new CptbenchException(
          "task '" + taskName + "' must be a relative path inside the data dir " + dataDir + " (e.g. senteval/MR)");
    }
    if (!Files.exists(p)) {
      throw new CptbenchException(
          "task '"
              + taskName
              + "': data folder not found: "
              + p
              + " (data dir "
              + dataDir
              + " comes from --data-dir, else "
              + DataDir.ENV
              + ", else "
              + DataDir.DEFAULT
              + ")");
    }
    if (Files.isRegularFile(p)) {
      if (QaLoader.isQuestionFile(p)) {
        return new TaskFolder(taskName, p, TaskMetadata.resolve(taskName, p, TaskKind.QA));
      }
      throw new CptbenchException(
          "task '" + taskName + "': " + p + " is a file but not a QA question file; supported: " + supported());
    }
    TaskKind detected = detectKind(p);
    TaskMetadata m = TaskMetadata.resolve(taskName, p, detected);
    if (m != null && (m.kind() == detected || recognises(m.kind(), p))) {
      return new TaskFolder(taskName, p, m);
    }
    throw new CptbenchException(
        "task '"
            + taskName
            + "': "
            + (m == null ? "unknown data layout in " : "no " + m.kind().id() + " layout (declared by " + m.source()
                + ") in ")
            + p
            + " (files: "
            + list(p)
            + ")"
            + RetrievalLoader.hint(p)
            + "; supported: "
            + supported());
  }

  /** The kind whose layout the folder's files show (first match in the class comment's order), or null. */
  private static TaskKind detectKind(Path p) {
    for (TaskKind k : List.of(TaskKind.PROBE, TaskKind.STS, TaskKind.CODE, TaskKind.RETRIEVAL, TaskKind.QA)) {
      if (recognises(k, p)) {
        return k;
      }
    }
    return null;
  }

  private static boolean recognises(TaskKind kind, Path p) {
    return switch (kind) {
      case PROBE -> SentEvalLoader.recognises(p);
      case STS -> StsLoader.recognises(p);
      case CODE -> org.cptbench.data.code.CodeSearchLoader.recognises(p);
      case RETRIEVAL -> RetrievalLoader.recognises(p);
      case QA -> QaLoader.recognises(p);
    };
  }

  /** Every supported layout, for error messages. */
  public static String supported() {
    return "SentEval: "
        + SentEvalLoader.SUPPORTED
        + "; STS: "
        + StsLoader.SUPPORTED
        + "; retrieval: "
        + RetrievalLoader.SUPPORTED
        + "; QA: "
        + RetrievalLoader.SUPPORTED_QA
        + "; code search: "
        + org.cptbench.data.code.CodeSearchLoader.SUPPORTED;
  }

  private static List<String> list(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(x -> x.getFileName() + (Files.isDirectory(x) ? "/" : "")).sorted().toList();
    } catch (IOException e) {
      throw new CptbenchException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }
}
