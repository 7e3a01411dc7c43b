package org.cptbench.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cptbench.CptbenchException;
import org.cptbench.data.catalog.Catalog;
import org.cptbench.data.catalog.DatasetCard;
import org.cptbench.data.catalog.TaskDescription;

/**
 * How a task is evaluated, resolved key by key from, in this order: the task folder's {@value TaskDescription#FILE}
 * ({@link TaskDescription}), the built-in catalog card whose name is the task name, and the defaults of the format
 * its files show: kind by the layout found ({@link TaskFolder}), main metric by kind ({@link
 * TaskKind#defaultMainMetric}), relevance level {@value #DEFAULT_RELEVANCE_LEVEL}, split {@value #DEFAULT_SPLIT}.
 * Nothing is inferred from the task's name. Explicit evaluation options ({@code --relevance-level}, {@code --split},
 * a suite's {@code eval:}) override the relevance level and the split.
 *
 * @param kind how the task is loaded and scored
 * @param mainMetric the declared main metric; null: the kind's default ({@link #mainMetric(List)})
 * @param relevanceLevel grade at which a judged document counts as relevant
 * @param split the split evaluated
 * @param source where the declared values come from (for result details and error messages)
 */
public record TaskMetadata(TaskKind kind, String mainMetric, int relevanceLevel, String split, String source) {
  public static final int DEFAULT_RELEVANCE_LEVEL = 1;
  public static final String DEFAULT_SPLIT = "test";

  public TaskMetadata {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(source, "source");
    if (relevanceLevel < 1) {
      throw new IllegalArgumentException("relevanceLevel: " + relevanceLevel + ", must be >= 1");
    }
  }

  /** The defaults of a kind, nothing declared (built-in tasks, folders without a card or description). */
  public static TaskMetadata defaults(TaskKind kind) {
    return new TaskMetadata(kind, null, DEFAULT_RELEVANCE_LEVEL, DEFAULT_SPLIT, "defaults of kind " + kind.id());
  }

  /**
   * Resolves the metadata of the task {@code name} in {@code path} (a folder or a QA question file).
   *
   * @param detected the kind the files show, or null when no layout was recognised
   * @return the metadata; its kind is the declared one when one is declared, else {@code detected}; null when
   *     neither exists
   */
  static TaskMetadata resolve(String name, Path path, TaskKind detected) {
    List<String> sources = new ArrayList<>();
    TaskDescription own = TaskDescription.NONE;
    Path file = path.resolve(TaskDescription.FILE);
    if (Files.isDirectory(path) && Files.isRegularFile(file)) {
      own = TaskDescription.read(file);
      sources.add(file.toString());
    }
    TaskDescription fromCard = TaskDescription.NONE;
    DatasetCard card = card(name);
    if (card != null && card.kind().taskKind() != null) {
      fromCard = card.task().orElse(new TaskDescription(card.kind().taskKind(), null, null, null));
      sources.add("catalog card " + card.name());
    }
    TaskDescription d = own.orElse(fromCard);
    TaskKind kind = d.kind() != null ? d.kind() : detected;
    if (kind == null) {
      return null;
    }
    if (d.kind() == null) {
      sources.add("defaults of kind " + kind.id() + " (detected from the files)");
    }
    return new TaskMetadata(
        kind,
        d.mainMetric(),
        d.relevanceLevel() != null ? d.relevanceLevel() : DEFAULT_RELEVANCE_LEVEL,
        d.split() != null ? d.split() : DEFAULT_SPLIT,
        String.join(", ", sources));
  }

  /** The built-in catalog card named {@code task} (trailing slashes ignored), or null. */
  static DatasetCard card(String task) {
    String n = task.replaceAll("/+$", "");
    return Catalog.builtin().find(n);
  }

  /** The main metric the built-in catalog card of {@code task} declares, or null (uncatalogued, or none declared). */
  public static String declaredMainMetric(String task) {
    DatasetCard card = card(task);
    return card == null ? null : card.task().mainMetric();
  }

  /**
   * The main metric among the metrics a task reported: the declared one, which must be among them, else the kind's
   * default.
   */
  public String mainMetric(List<String> available) {
    if (mainMetric == null) {
      return kind.defaultMainMetric(available);
    }
    if (!available.contains(mainMetric)) {
      throw new CptbenchException(
          "main metric '" + mainMetric + "' (declared by " + source + ") is not among the metrics a " + kind.id()
              + " task reports: " + available);
    }
    return mainMetric;
  }
}
