package org.cptbench.data.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.cptbench.data.TaskKind;

/**
 * How a task is evaluated, as declared by its catalog card (the card's {@code task:} mapping) or by its folder's
 * {@value #FILE}: every key is optional, and what is left out falls back to the card, then to the defaults of the
 * format the folder's files show ({@link org.cptbench.data.TaskMetadata}).
 *
 * <pre>
 * kind: retrieval          # probe | sts | retrieval | qa | code (task.yaml only; a card's own kind decides there)
 * mainMetric: nDCG@10      # the task's main score: a metric id the evaluation reports
 * relevanceLevel: 2        # grade at which a judged document counts as relevant (MRR, recall, success)
 * split: test              # the split evaluated (qrels / questions / CodeSearchNet split; STS-B and SICK)
 * </pre>
 */
public record TaskDescription(TaskKind kind, String mainMetric, Integer relevanceLevel, String split) {
  /** The file name of a folder's task description. */
  public static final String FILE = "task.yaml";

  /** Declares nothing. */
  public static final TaskDescription NONE = new TaskDescription(null, null, null, null);

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9@._-]*");

  public TaskDescription {
    if (mainMetric != null && !TOKEN.matcher(mainMetric).matches()) {
      throw new IllegalArgumentException(
          "mainMetric: '" + mainMetric + "', must be a metric id such as nDCG@10, MRR@10, accuracy, spearman");
    }
    if (relevanceLevel != null && relevanceLevel < 1) {
      throw new IllegalArgumentException("relevanceLevel: " + relevanceLevel + ", must be an integer >= 1");
    }
    if (split != null && !TOKEN.matcher(split).matches()) {
      throw new IllegalArgumentException("split: '" + split + "', must be a split name such as test, dev, valid");
    }
  }

  /** Reads a folder's {@value #FILE}; errors name the file, the line and the key. */
  public static TaskDescription read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return CardReader.read(in, file.toString(), TaskDescription.class, "task description");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read task description " + file, e);
    }
  }

  /** Each key this description leaves out taken from {@code fallback}. */
  public TaskDescription orElse(TaskDescription fallback) {
    return new TaskDescription(
        kind != null ? kind : fallback.kind,
        mainMetric != null ? mainMetric : fallback.mainMetric,
        relevanceLevel != null ? relevanceLevel : fallback.relevanceLevel,
        split != null ? split : fallback.split);
  }
}
