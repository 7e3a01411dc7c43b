package org.cptbench.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.data.TaskKind;
import org.cptbench.data.trec.TrecRunWriter;
import org.cptbench.util.Json;

/**
 * Writes evaluation results into a folder: {@code metrics.json} ({@code {"<task>": {"<metric>": value}}}, values
 * as fractions), {@code definitions.json} (the same keys with each metric's definition), {@code details.json}
  * (folds, penalties, counts, timings, provenance), {@code per-query/<task>.tsv} ({@code metric TAB qid TAB value}),
 * {@code per-pair/<task>.tsv} (STS: {@code pair TAB subset TAB gold TAB predicted}; see {@link ItemScoreFiles}),
 * {@code runs/<task>.trec} (a TREC run file that trec_eval re-scores to the same values) and, for probes,
 * {@code per-item/<task>.tsv} ({@code fold TAB index TAB gold TAB predicted TAB correct}, one line per test item,
 * fold by fold; see {@link org.cptbench.eval.probe.ProbeItem}).
 */
public final class EvalOutput {
  private EvalOutput() {}

  public static String fileName(String task) {
    return task.replace('/', '_').replace('\\', '_');
  }

  public static void write(Path out, List<TaskResult> results, Map<String, Object> provenance) {
    Map<String, Object> metrics = new LinkedHashMap<>();
    Map<String, Object> definitions = new LinkedHashMap<>();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("_provenance", provenance);
    for (TaskResult r : results) {
      metrics.put(r.task(), r.metrics());
      definitions.put(r.task(), r.definitions());
      Map<String, Object> d = new LinkedHashMap<>(r.details());
      d.put("kind", r.kind());
      details.put(r.task(), d);
      ItemScoreFiles.write(out, r);
      if (!r.run().isEmpty()) {
        try {
          TrecRunWriter.write(out.resolve("runs").resolve(fileName(r.task()) + ".trec"), r.run(), "cptbench");
        } catch (org.cptbench.CptbenchException e) {
          // e.g. document ids with spaces, which the TREC run format cannot hold; scores above are unaffected
          d.put("runFile", "not written: " + e.getMessage());
        }
      }
    }
    Json.writeFile(out.resolve("metrics.json"), metrics);
    Json.writeFile(out.resolve("definitions.json"), definitions);
    Json.writeFile(out.resolve("details.json"), details);
  }

  /**
   * The kind and main metric an evaluation folder records for {@code task}: from {@code details.json} ({@code eval
   * --out}) or from {@code <task>.json} (a run's {@code CELL/evals/step-N/}); either may be null (folders written
   * before main metrics were recorded have the kind only). Null when the folder records neither.
   */
  public static Recorded recorded(Path dir, String task) {
    Path own = dir.resolve(fileName(task) + ".json");
    Path details = dir.resolve("details.json");
    try {
      if (Files.isRegularFile(own)) {
        JsonNode n = Json.MAPPER.readTree(own.toFile());
        return Recorded.of(n.path("kind"), n.path("details").path(TaskEvaluator.MAIN_METRIC));
      }
      if (Files.isRegularFile(details)) {
        JsonNode t = Json.MAPPER.readTree(details.toFile()).path(task);
        return Recorded.of(t.path("kind"), t.path(TaskEvaluator.MAIN_METRIC));
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the evaluation record of " + task + " in " + dir, e);
    }
  }

  /** What an evaluation folder records of a task (see {@link #recorded}). */
  public record Recorded(TaskKind kind, String mainMetric) {
    static Recorded of(JsonNode kind, JsonNode mainMetric) {
      TaskKind k = kind.isTextual() ? TaskKind.parse(kind.asText()) : null;
      String m = mainMetric.isTextual() ? mainMetric.asText() : null;
      return k == null && m == null ? null : new Recorded(k, m);
    }
  }

  /** Reads back {@code metrics.json}. */
  public static Map<String, Map<String, Double>> readMetrics(Path out) {
    try {
      return Json.MAPPER.readValue(
          Files.readString(out.resolve("metrics.json"), StandardCharsets.UTF_8),
          new com.fasterxml.jackson.core.type.TypeReference<Map<String, Map<String, Double>>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
