package org.cptbench.data.code;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cptbench.CptbenchException;
import org.cptbench.data.LoadReport;

/**
 * Loads a code-search task from a folder in one of three layouts:
 *
 * <ul>
 *   <li><b>CodeSearchNet</b>: {@code <split>.jsonl[.gz]} files, or the official release's
 *       {@code <lang>/final/jsonl/<split>/<lang>_<split>_<n>.jsonl.gz}, anywhere below the folder ({@link CsnJsonl}).
 *       Query = {@link CsnRecord#query()}, document = {@link CsnRecord#searchCode()}.
 *   <li><b>CodeXGLUE AdvTest</b>: the same file names, records with an {@code idx} field (CodeXGLUE numbers the
 *       functions; AdvTest renames identifiers in valid/test). Query = the docstring tokens joined by spaces,
 *       document = the code tokens ({@code code_tokens} or {@code function_tokens}) joined by spaces, as
 *       CodeXGLUE's AdvTest scripts feed them.
 *   <li><b>CoSQA</b> (CodeXGLUE WebQuery's training and dev data): {@code code_idx_map.txt} + query files
 *       ({@link CosqaReader}).
 * </ul>
 *
 * <p>Splits: {@code train}, {@code valid} (also accepted: {@code dev}) and {@code test}. Each record is one query and
 * one pool entry; query ids and doc ids are the record's {@code url} ({@code #2}, {@code #3}, ... appended to repeats,
 * counted in the report).
 */
public final class CodeSearchLoader {
  /** Layouts recognised, for error messages. */
  public static final String SUPPORTED =
      "CodeSearchNet / AdvTest jsonl (<split>.jsonl[.gz] or <lang>_<split>_<n>.jsonl.gz), CoSQA (code_idx_map.txt"
          + " + cosqa-retrieval-<split>-<n>.json)";

  private CodeSearchLoader() {}

  /** True when {@code dir} holds a CoSQA pool or CodeSearchNet-named jsonl files. */
  public static boolean recognises(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    if (CosqaReader.recognises(dir)) {
      return true;
    }
    for (String split : List.of("test", "valid", "train")) {
      if (!splitFiles(dir, split).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The files of a split below {@code dir}, in path order. */
  public static List<Path> splitFiles(Path dir, String split) {
    Pattern p =
        Pattern.compile("(?:[a-z]+_)?" + Pattern.quote(canonical(split)) + "(?:_[0-9]+)?\\.jsonl(?:\\.gz)?");
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(f -> p.matcher(f.getFileName().toString()).matches()).sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** {@code dev} -> {@code valid}; others unchanged. */
  public static String canonical(String split) {
    return split.equals("dev") ? "valid" : split;
  }

  /** Every record of a split below {@code dir}. */
  public static List<CsnRecord> records(Path dir, String split) {
    List<Path> files = splitFiles(dir, split);
    if (files.isEmpty()) {
      throw new CptbenchException(
          dir + ": no " + canonical(split) + " files (" + canonical(split) + ".jsonl[.gz] or <lang>_"
              + canonical(split) + "_<n>.jsonl.gz); supported layouts: " + SUPPORTED);
    }
    List<CsnRecord> out = new ArrayList<>();
    files.forEach(f -> out.addAll(CsnJsonl.read(f, canonical(split))));
    return out;
  }

  /** Loads split {@code split} of the task in {@code dir}. */
  public static CodeSearchTask load(Path dir, String split, String name) {
    if (CosqaReader.recognises(dir)) {
      return CosqaReader.load(dir, split.equals("valid") ? "dev" : split, name);
    }
    List<Path> files = splitFiles(dir, split);
    boolean advTest = !files.isEmpty() && firstHasIdx(files.get(0));
    List<CsnRecord> records = records(dir, split);
    List<String> ids = new ArrayList<>();
    List<String> docs = new ArrayList<>();
    List<String> langs = new ArrayList<>();
    List<String> queries = new ArrayList<>();
    List<Integer> answers = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    long repeated = 0;
    long emptyQueries = 0;
    for (CsnRecord r : records) {
      String q = advTest ? String.join(" ", r.docstringTokens()) : r.query();
      if (q.isBlank()) {
        emptyQueries++;
        continue;
      }
      String id = r.url();
      for (int k = 2; !seen.add(id); k++) {
        id = r.url() + "#" + k;
        if (k == 2) {
          repeated++;
        }
      }
      answers.add(ids.size());
      ids.add(id);
      docs.add(advTest && !r.codeTokens().isEmpty() ? String.join(" ", r.codeTokens()) : r.searchCode());
      langs.add(r.language());
      queries.add(q);
    }
    LoadReport report =
        new LoadReport.Builder()
            .count("records", records.size())
            .count("queries", ids.size())
            .count("emptyQueriesSkipped", emptyQueries)
            .count("repeatedUrls", repeated)
            .build();
    return new CodeSearchTask(
        name, advTest ? CodeSearchTask.ADVTEST : CodeSearchTask.CODESEARCHNET, ids, docs, langs, ids, queries,
        answers, report);
  }

  /** True when the first record of {@code file} has CodeXGLUE's {@code idx} field (AdvTest). */
  private static boolean firstHasIdx(Path file) {
    try (var in = CsnJsonl.open(file);
        var r =
            new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          try {
            return org.cptbench.util.Json.MAPPER.readTree(line).has("idx");
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false; // CsnJsonl reports the malformed line with its number
          }
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
