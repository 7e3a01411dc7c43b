package org.cptbench.data.retrieval;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cptbench.data.LineReader;
import org.cptbench.data.LoadReport;

/**
 * Reads relevance judgments in the two common layouts, line by line:
 *
 * <ul>
 *   <li>BEIR {@code qrels/<split>.tsv}: {@code query-id TAB corpus-id TAB score}, with or without the header row
 *       (BEIR's own loader always skips line 1, which loses a judgment in header-less files; here line 1 is a header
 *       only when its score field is not an integer). Ids may contain spaces, so TAB lines split on TAB only.
 *   <li>TREC qrels ({@code trec_eval}, MS MARCO {@code qrels.*.tsv}): {@code qid iter docid rel}, separated by
 *       TABs or runs of spaces; the iteration column ({@code 0} / {@code Q0}) is ignored.
 * </ul>
 *
 * Whitespace-only lines are skipped and counted; a repeated (query, document) pair keeps the last grade and is
 * counted and reported. Grades are integers (may be 0 or negative: judged non-relevant).
 *
 * <p>This is the data loaders' own minimal reader; evaluation code may use its own TREC reader.
 */
public final class QrelsReader {
  private QrelsReader() {}

  /** Reads {@code file}, recording blank lines and duplicates in {@code report}. */
  public static Qrels read(Path file, LoadReport.Builder report) {
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    long blank = 0;
    long duplicates = 0;
    try (LineReader r = LineReader.utf8(file)) {
      for (String line = r.next(); line != null; line = r.next()) {
        if (line.isBlank()) {
          blank++;
          continue;
        }
        String[] f = line.indexOf('\t') >= 0 ? line.split("\t", -1) : line.strip().split(" +");
        String q;
        String d;
        String g;
        if (f.length == 3) {
          q = f[0];
          d = f[1];
          g = f[2];
        } else if (f.length == 4) {
          q = f[0];
          d = f[2];
          g = f[3];
        } else {
          throw r.error(
              "expected 'query-id TAB corpus-id TAB score' (BEIR) or 'qid iter docid rel' (TREC), got "
                  + f.length
                  + " field(s)");
        }
        int grade;
        try {
          grade = Integer.parseInt(g.strip());
        } catch (NumberFormatException e) {
          if (r.lineNumber() == 1) {
            continue; // header row such as "query-id corpus-id score"
          }
          throw r.error("relevance grade '" + g + "' is not an integer");
        }
        q = q.strip();
        d = d.strip();
        if (q.isEmpty() || d.isEmpty()) {
          throw r.error("empty query or document id");
        }
        if (out.computeIfAbsent(q, k -> new LinkedHashMap<>()).put(d, grade) != null) {
          duplicates++;
        }
      }
    }
    String name = file.getFileName().toString();
    if (blank > 0) {
      report.count(name + ".blankLines", blank);
    }
    if (duplicates > 0) {
      report.count(name + ".duplicateJudgments", duplicates);
      report.warn(name + ": " + duplicates + " repeated (query, document) judgment(s); the last grade was kept");
    }
    return new Qrels(out);
  }
}
