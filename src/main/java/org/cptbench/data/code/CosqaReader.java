package org.cptbench.data.code;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cptbench.CptbenchException;
import org.cptbench.data.LoadReport;
import org.cptbench.data.MalformedInputException;
import org.cptbench.util.Json;

/**
 * CoSQA's retrieval layout (Huang et al. 2021, as CodeXGLUE's WebQuery task and UniXcoder use it): a code pool
 * {@code code_idx_map.txt}, one JSON object mapping each function's code to its integer index, and query files
 * {@code cosqa-retrieval-<split>-<n>.json}, a JSON array of objects with {@code idx} (query id), {@code doc} (the
 * web query) and {@code retrieval_idx} (the index of the true function in the pool). Queries whose {@code label}
 * is 0 (the code does not answer the query) are skipped and counted. The pool is ordered by index. Errors name
 * the file and, for query files, the 1-based position of the entry in the array.
 */
public final class CosqaReader {
  /** The pool file's name. */
  public static final String POOL = "code_idx_map.txt";

  private CosqaReader() {}

  /** True when {@code dir} holds a CoSQA pool file. */
  public static boolean recognises(Path dir) {
    return Files.isRegularFile(dir.resolve(POOL));
  }

  /** The query file of a split: the one {@code *-<split>-*.json} file in {@code dir}. */
  public static Path queryFile(Path dir, String split) {
    List<Path> found = new ArrayList<>();
    try (var s = Files.list(dir)) {
      s.filter(p -> p.getFileName().toString().matches(".*-" + java.util.regex.Pattern.quote(split) + "(-[0-9]+)?\\.json"))
          .sorted()
          .forEach(found::add);
    } catch (IOException e) {
      throw new CptbenchException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    if (found.size() != 1) {
      throw new CptbenchException(
          dir + ": expected one CoSQA query file *-" + split + "-*.json beside " + POOL + ", found " + found);
    }
    return found.get(0);
  }

  public static CodeSearchTask load(Path dir, String split, String name) {
    Path poolFile = dir.resolve(POOL);
    JsonNode pool = readJson(poolFile);
    if (!pool.isObject()) {
      throw new MalformedInputException(poolFile, 1, "expected one JSON object mapping code to an integer index");
    }
    TreeMap<Integer, String> byIndex = new TreeMap<>();
    for (var it = pool.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber()) {
        throw new MalformedInputException(poolFile, 1, "index of a code entry must be an integer: " + e.getValue());
      }
      if (byIndex.put(e.getValue().asInt(), e.getKey()) != null) {
        throw new MalformedInputException(poolFile, 1, "index " + e.getValue().asInt() + " is used twice");
      }
    }
    List<String> docIds = new ArrayList<>();
    List<String> docs = new ArrayList<>();
    Map<Integer, Integer> position = new HashMap<>();
    byIndex.forEach(
        (idx, code) -> {
          position.put(idx, docIds.size());
          docIds.add(Integer.toString(idx));
          docs.add(code);
        });
    Path qfile = queryFile(dir, split);
    JsonNode arr = readJson(qfile);
    if (!arr.isArray()) {
      throw new MalformedInputException(qfile, 1, "expected a JSON array of query objects");
    }
    List<String> qids = new ArrayList<>();
    List<String> queries = new ArrayList<>();
    List<Integer> answers = new ArrayList<>();
    long negatives = 0;
    int k = 0;
    for (JsonNode q : arr) {
      k++;
      String where = "entry " + k + " of the array: ";
      if (!q.isObject() || !q.path("idx").isTextual() || !q.path("doc").isTextual()
          || !q.path("retrieval_idx").isIntegralNumber()) {
        throw new MalformedInputException(
            qfile, k, where + "expected an object with string idx, string doc and integer retrieval_idx");
      }
      if (q.has("label") && q.get("label").asInt(1) == 0) {
        negatives++;
        continue;
      }
      Integer pos = position.get(q.get("retrieval_idx").asInt());
      if (pos == null) {
        throw new MalformedInputException(
            qfile, k, where + "retrieval_idx " + q.get("retrieval_idx").asInt() + " is not in " + POOL);
      }
      qids.add(q.get("idx").asText());
      queries.add(q.get("doc").asText());
      answers.add(pos);
    }
    LoadReport report =
        new LoadReport.Builder()
            .count("pool", docs.size())
            .count("queries", qids.size())
            .count("negativeLabelsSkipped", negatives)
            .build();
    return new CodeSearchTask(
        name, CodeSearchTask.COSQA, docIds, docs, java.util.Collections.nCopies(docs.size(), "python"), qids,
        queries, answers, report);
  }

  private static JsonNode readJson(Path file) {
    try {
      return Json.MAPPER.readTree(Files.readString(file));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      long line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      throw new MalformedInputException(file, line, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CptbenchException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
