package org.cptbench.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cptbench.CptbenchException;
import org.cptbench.data.MalformedInputException;
import org.cptbench.util.Json;

/**
 * Reads a JMH JSON result file (written by {@code -rf json}; JMH 1.x format): a top-level array with one object per
 * benchmark and parameter combination. Used fields: {@code benchmark}, {@code mode}, {@code params} (object of
 * strings, absent without {@code @Param}), {@code primaryMetric.score}, {@code primaryMetric.scoreError} (JMH writes
 * the string {@code "NaN"} when there is a single iteration), {@code primaryMetric.scoreUnit}, {@code jmhVersion},
 * {@code jdkVersion}, {@code vmName}, {@code vmVersion}, {@code jvmArgs}. Secondary metrics (profilers) are not
 * read. Errors name the file and the line where the offending entry starts.
 */
public final class JmhJson {
  private JmhJson() {}

  /**
   * The results in file order.
   *
   * @throws CptbenchException when the file is missing or holds no results
   * @throws MalformedInputException for invalid JSON or an entry without a required field
   */
  public static List<JmhResult> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CptbenchException(file + ": JMH result file not found");
    }
    List<JmhResult> out = new ArrayList<>();
    try (JsonParser p = Json.MAPPER.createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new MalformedInputException(
            file, p.currentTokenLocation().getLineNr(), "expected a JSON array of JMH results (JMH -rf json)");
      }
      int index = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        long line = p.currentTokenLocation().getLineNr();
        if (p.currentToken() != JsonToken.START_OBJECT) {
          throw new MalformedInputException(file, line, "result " + index + " is not a JSON object");
        }
        JsonNode node = p.readValueAsTree();
        out.add(parse(node, file, line, index));
        index++;
      }
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      throw new MalformedInputException(file, line, "invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (out.isEmpty()) {
      throw new CptbenchException(file + ": no benchmark results (did every benchmark fail?)");
    }
    return out;
  }

  private static JmhResult parse(JsonNode n, Path file, long line, int index) {
    String where = "result " + index;
    String benchmark = text(n, "benchmark", file, line, where);
    where = "result " + index + " (" + benchmark + ")";
    String mode = text(n, "mode", file, line, where);
    JsonNode metric = n.path("primaryMetric");
    if (!metric.isObject()) {
      throw new MalformedInputException(file, line, where + ": no primaryMetric object");
    }
    double score = number(metric, "score", file, line, where, false);
    double error = number(metric, "scoreError", file, line, where, true);
    String unit = text(metric, "scoreUnit", file, line, where + " primaryMetric");
    Map<String, String> params = new TreeMap<>();
    JsonNode ps = n.path("params");
    if (!ps.isMissingNode() && !ps.isNull()) {
      if (!ps.isObject()) {
        throw new MalformedInputException(file, line, where + ": params is not an object");
      }
      for (Map.Entry<String, JsonNode> e : ps.properties()) {
        params.put(e.getKey(), e.getValue().asText());
      }
    }
    List<String> jvmArgs = new ArrayList<>();
    for (JsonNode a : n.path("jvmArgs")) {
      jvmArgs.add(a.asText());
    }
    String jdk =
        String.join(
                " ",
                n.path("jdkVersion").asText(""),
                n.path("vmName").asText(""),
                n.path("vmVersion").asText(""))
            .strip();
    return new JmhResult(
        benchmark, mode, new TreeMap<>(params), score, error, unit, n.path("jmhVersion").asText(""), jdk, jvmArgs);
  }

  private static String text(JsonNode n, String field, Path file, long line, String where) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new MalformedInputException(file, line, where + ": missing or empty text field '" + field + "'");
    }
    return v.asText();
  }

  /** A number, or (JMH's spelling of undefined values) the string "NaN" where {@code nanAllowed}. */
  private static double number(JsonNode n, String field, Path file, long line, String where, boolean nanAllowed) {
    JsonNode v = n.get(field);
    if (v != null && v.isNumber()) {
      return v.asDouble();
    }
    if (nanAllowed && v != null && v.isTextual() && v.asText().equals("NaN")) {
      return Double.NaN;
    }
    throw new MalformedInputException(
        file, line, where + ": primaryMetric." + field + " is " + (v == null ? "missing" : v) + "; expected a number"
            + (nanAllowed ? " or \"NaN\"" : ""));
  }
}
