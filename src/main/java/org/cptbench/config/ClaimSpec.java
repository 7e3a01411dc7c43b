package org.cptbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.cptbench.CptbenchException;

/**
 * One entry of a suite's {@code claims:} list: a finding of the paper as a testable hypothesis that the cells
 * selected by {@code compare.better} score higher than those selected by {@code compare.worse} on a task group, at
 * the final checkpoint or at a step (the direction is carried by the two side names: no separate key).
 *
 * <pre>
 * claims:
 *   - id: batch-code
 *     paper: "Larger batch sizes improve ... code search"
 *     compare: {better: {batchSize: 128}, worse: {batchSize: 32}}
 *     tasks: code                  # search | sts | probe | code, or a list of task names
 *     at: final                    # or a checkpoint step; a side's own {step: N} overrides it
 * </pre>
 *
 * @param path where it was written, e.g. {@code suite quick: claims[0]}, for errors
 * @param group the task group ({@link #GROUPS}), or null when {@code taskNames} lists the tasks
 * @param taskNames the tasks named explicitly (empty when a group is given)
 * @param at the checkpoint step both sides are read at unless a side names its own; null = each cell's final step
 */
public record ClaimSpec(
    String path, String id, String paper, CellSelector better, CellSelector worse, String group,
    List<String> taskNames, Integer at) {

  public static final String[] KEYS = {"id", "paper", "compare", "tasks", "at"};
  /** Task groups, by the {@code kind} of each task in {@code results.csv}: search = retrieval and QA. */
  public static final List<String> GROUPS = List.of("search", "sts", "probe", "code");

  public ClaimSpec {
    taskNames = List.copyOf(taskNames);
    if ((group == null) == taskNames.isEmpty()) {
      throw new CptbenchException(path + ".tasks: give either a group " + GROUPS + " or a list of task names");
    }
  }

  /** Binds one entry of {@code claims:}. */
  public static ClaimSpec parse(ConfigNode n) {
    String where = n.source() + ": " + n.path();
    if (!n.node().isObject()) {
      throw new CptbenchException(where + ": expected a mapping {id, paper, compare, tasks, at}, got "
          + ConfigNode.describe(n.node()));
    }
    n.allowOnly(KEYS);
    for (String k : List.of("id", "paper", "compare", "tasks")) {
      if (!n.has(k)) {
        throw new CptbenchException(where + ": " + k + ": missing; a claim needs id, paper, compare and tasks");
      }
    }
    String id = n.getString("id", "");
    if (!id.matches("[A-Za-z0-9._-]+")) {
      throw new CptbenchException(n.source() + ": " + n.key("id") + ": '" + id
          + "' may use only letters, digits, '.', '_', '-'");
    }
    ConfigNode compare = n.child("compare").allowOnly("better", "worse");
    if (!compare.has("better") || !compare.has("worse")) {
      throw new CptbenchException(n.source() + ": " + compare.path() + ": needs both better and worse selectors");
    }
    CellSelector better = CellSelector.parse(new ConfigNode(compare.raw("better"), compare.key("better"),
        n.source()));
    CellSelector worse = CellSelector.parse(new ConfigNode(compare.raw("worse"), compare.key("worse"), n.source()));
    if (better.cell().equals(worse.cell()) && java.util.Objects.equals(better.step(), worse.step())) {
      throw new CptbenchException(n.source() + ": " + compare.path() + ": better and worse select the same cells "
          + better.cell() + (better.step() == null ? "" : " at step " + better.step()));
    }
    JsonNode tasks = n.raw("tasks");
    String group = null;
    List<String> names = List.of();
    if (tasks.isTextual() && GROUPS.contains(tasks.asText())) {
      group = tasks.asText();
    } else if (tasks.isArray()) {
      names = n.getStringList("tasks", List.of());
      if (names.isEmpty() || Set.copyOf(names).size() != names.size()) {
        throw new CptbenchException(n.source() + ": " + n.key("tasks") + ": " + names
            + " must name at least one task, each once");
      }
    } else {
      throw new CptbenchException(n.source() + ": " + n.key("tasks") + ": " + ConfigNode.describe(tasks)
          + " is not allowed; allowed: one of " + GROUPS + " or a list of task names");
    }
    Integer at = null;
    JsonNode atNode = n.raw("at");
    if (atNode != null && !atNode.isNull() && !(atNode.isTextual() && atNode.asText().equals("final"))) {
      if (!atNode.isIntegralNumber() || atNode.asInt() < 1) {
        throw new CptbenchException(n.source() + ": " + n.key("at") + ": " + ConfigNode.describe(atNode)
            + " is not allowed; allowed: final or a checkpoint step (an integer >= 1)");
      }
      at = atNode.asInt();
    }
    return new ClaimSpec(where, id, n.getString("paper", ""), better, worse, group, names, at);
  }

  /** The step a side is read at: its own {@code step}, else {@code at}; null = each cell's final step. */
  public Integer stepOf(CellSelector side) {
    return side.step() != null ? side.step() : at;
  }

  /** Whether a task of this {@code kind} (a results.csv kind: probe, sts, retrieval, qa, code) is in the group. */
  public boolean includes(String task, String kind) {
    if (group == null) {
      return taskNames.contains(task);
    }
    return switch (group) {
      case "search" -> kind.equals("retrieval") || kind.equals("qa");
      default -> kind.equals(group);
    };
  }

  /** Fails when a side selects no cell of the suite (a misspelt value would silently compare nothing). */
  public void requireSomeCell(List<CellParams> cells) {
    better.requireSomeCell(cells);
    worse.requireSomeCell(cells);
  }
}
