package org.cptbench.data.retrieval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.data.LineReader;
import org.cptbench.data.LoadReport;
import org.cptbench.data.PyText;
import org.cptbench.data.trec.Qrels;
import org.cptbench.data.trec.QrelsReader;
import org.cptbench.util.Json;

/**
 * BEIR layout (Thakur et al. 2021, {@code beir.datasets.data_loader.GenericDataLoader}): {@code corpus.jsonl} lines
 * {@code {"_id", "title", "text", ...}}, {@code queries.jsonl} lines {@code {"_id", "text", ...}}, and {@code
 * qrels/<split>.tsv} (see {@link QrelsReader}; split {@code test} by default). JSONL files are split on {@code '\n'}
 * only (passages contain U+2028 / U+0085). A document's text is {@code (title + " " + text).strip()} as in BEIR's
 * sentence-transformers wrapper, i.e. the text alone when the title is empty.
 */
public final class BeirFormat {
  public static final String DEFAULT_SPLIT = "test";

  private BeirFormat() {}

  static boolean matches(List<String> names) {
    return names.contains("corpus.jsonl") && names.contains("queries.jsonl");
  }

  static RetrievalTask load(Path folder, String split, CorpusSampling sampling) {
    String s = split == null ? DEFAULT_SPLIT : split;
    Path qrelsFile = folder.resolve("qrels").resolve(s + ".tsv");
    if (!Files.isRegularFile(qrelsFile)) {
      throw new CptbenchException(
          "no qrels for split '" + s + "': " + qrelsFile + " not found; available: " + available(folder));
    }
    LoadReport.Builder report = new LoadReport.Builder();
    Qrels qrels = QrelsReader.read(qrelsFile, QrelsReader.Duplicates.KEEP_LAST, report);
    Queries queries = readQueries(folder.resolve("queries.jsonl"));
    Qrels judged = RetrievalAssembly.judgedQueries(folder, queries, qrels, report);
    CorpusCollector c =
        new CorpusCollector(folder.resolve("corpus.jsonl"), sampling, judged.judgedDocuments());
    try (LineReader r = LineReader.utf8(folder.resolve("corpus.jsonl"))) {
      for (String line = r.next(); line != null; line = r.next()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = parse(r, line);
        String title = optional(n, "title");
        c.add(r, required(r, n, "_id"), PyText.strip(title + " " + required(r, n, "text")));
      }
    }
    return RetrievalAssembly.assemble(folder, "beir", queries, judged, c.build(), report);
  }

  private static List<String> available(Path folder) {
    try (var s = Files.list(folder.resolve("qrels"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (java.io.IOException e) {
      return List.of();
    }
  }

  static Queries readQueries(Path file) {
    List<String> ids = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    try (LineReader r = LineReader.utf8(file)) {
      for (String line = r.next(); line != null; line = r.next()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = parse(r, line);
        String id = required(r, n, "_id");
        Long prev = seen.putIfAbsent(id, r.lineNumber());
        if (prev != null) {
          throw r.error("duplicate query id '" + id + "' (first at line " + prev + ")");
        }
        ids.add(id);
        texts.add(required(r, n, "text"));
      }
    }
    return new Queries(ids, texts);
  }

  static JsonNode parse(LineReader r, String line) {
    try {
      JsonNode n = Json.MAPPER.readTree(line);
      if (n == null || !n.isObject()) {
        throw r.error("expected a JSON object per line");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw r.error("invalid JSON: " + e.getOriginalMessage());
    }
  }

  static String required(LineReader r, JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      throw r.error("missing or non-scalar field \"" + field + "\"");
    }
    return v.asText();
  }

  static String optional(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }
}
