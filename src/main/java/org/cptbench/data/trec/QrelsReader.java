package org.cptbench.data.trec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cptbench.CptbenchException;
import org.cptbench.data.LineReader;
import org.cptbench.data.LoadReport;
import org.cptbench.data.MalformedInputException;

/**
 * Reads relevance judgments (UTF-8) in either of two formats, detected from the first data line. This is the one
 * qrels reader: the {@code score} command and the metric tests read with trec_eval's semantics ({@link #read(Path)}),
 * the data set loaders ({@code BeirFormat}, {@code MsMarcoFormat}) with {@link Duplicates#KEEP_LAST} and a {@link
 * LoadReport.Builder}.
 *
 * <ul>
 *   <li><b>TREC qrels</b> ({@code trec_eval get_qrels.c}, MS MARCO {@code qrels.*.tsv}): {@code qid iter docid
 *       grade}, four fields separated by whitespace (TABs or runs of spaces); {@code iter} is ignored (often {@code 0}
 *       or {@code Q0}).
 *   <li><b>BEIR</b> {@code qrels/*.tsv}: {@code query-id TAB corpus-id TAB score}, exactly three TAB-separated
 *       fields (ids are taken verbatim and may contain spaces, e.g. Climate-FEVER's {@code Global warming:14}), with
 *       or without the header line {@code query-id TAB corpus-id TAB score} (a first line whose score is not an
 *       integer is taken as the header; BEIR's own loader always skips line 1, which loses a judgment in header-less
 *       files).
 * </ul>
 *
 * <p>Lines end at {@code '\n'} only ({@link LineReader}: one trailing {@code '\r'} and a leading byte-order mark are
 * removed; as in trec_eval, a stray {@code '\r'} inside a line is whitespace). Lines starting with {@code #} and blank
 * lines are skipped (trec_eval skips the former and rejects the latter; they cannot change any score) and counted in
 * the report. Grades must be integers (may be 0 or negative: judged non-relevant; trec_eval's {@code atol} would
 * silently truncate {@code 1.5}; we reject it). A file without any judgment is an error.
 *
 * <p><b>Duplicates</b> (the same (query, doc) pair on two lines) follow a {@link Duplicates} policy.
 */
public final class QrelsReader {
  private QrelsReader() {}

  /** What to do with a repeated (query, doc) judgment. */
  public enum Duplicates {
    /**
     * trec_eval 10.0 semantics: trec_eval does not let the last entry win: it keeps both lines, and {@code
     * form_res_rels.c} then aborts with {@code "duplicate docs"} when it scores that query. We reject a repeated pair
     * likewise with a {@link MalformedInputException} naming both lines, even when the grades agree.
     */
    REJECT,
    /**
     * Data set loading: the last grade wins; the number of repeats is counted under {@code <file
     * name>.duplicateJudgments} and a warning is recorded in the report.
     */
    KEEP_LAST
  }

  private enum Format {
    TREC,
    BEIR
  }

  /**
   * Reads {@code file} with trec_eval's semantics ({@link Duplicates#REJECT}); malformed lines raise {@link
   * MalformedInputException} with file and line.
   */
  public static Qrels read(Path file) {
    return read(file, Duplicates.REJECT, new LoadReport.Builder());
  }

  /**
   * Reads {@code file}, treating repeated judgments as {@code duplicates} says; skipped blank and comment lines and
   * kept-last duplicates are counted in {@code report} under {@code <file name>.blankLines}, {@code .commentLines}
   * and {@code .duplicateJudgments}. Malformed lines raise {@link MalformedInputException} with file and line.
   */
  public static Qrels read(Path file, Duplicates duplicates, LoadReport.Builder report) {
    Objects.requireNonNull(duplicates, "duplicates");
    Objects.requireNonNull(report, "report");
    if (!Files.isRegularFile(file)) {
      throw new CptbenchException("qrels file " + file + " does not exist or is not a file");
    }
    LinkedHashMap<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
    Map<String, Map<String, Long>> firstLine = new HashMap<>();
    Format format = null;
    long formatLine = 0;
    long blank = 0;
    long comments = 0;
    long repeated = 0;
    try (LineReader in = LineReader.utf8(file)) {
      for (String line = in.next(); line != null; line = in.next()) {
        long lineNo = in.lineNumber();
        if (line.startsWith("#")) {
          comments++;
          continue;
        }
        if (TrecSyntax.isBlank(line)) {
          blank++;
          continue;
        }
        String qid;
        String docId;
        String gradeText;
        if (format == null) {
          format = line.split("\t", -1).length == 3 ? Format.BEIR : Format.TREC;
          formatLine = lineNo;
          if (format == Format.BEIR && TrecSyntax.parseIntOrNull(line.split("\t", -1)[2].strip()) == null) {
            continue; // header: query-id TAB corpus-id TAB score
          }
        }
        if (format == Format.BEIR) {
          String[] f = line.split("\t", -1);
          if (f.length != 3) {
            throw new MalformedInputException(
                file,
                lineNo,
                "expected 3 TAB-separated fields 'query-id TAB corpus-id TAB score' (BEIR qrels, as on line "
                    + formatLine
                    + "), found "
                    + f.length);
          }
          qid = f[0];
          docId = f[1];
          gradeText = f[2].strip();
          if (qid.isEmpty() || docId.isEmpty()) {
            throw new MalformedInputException(
                file, lineNo, "empty " + (qid.isEmpty() ? "query-id" : "corpus-id") + " field");
          }
        } else {
          List<String> f = TrecSyntax.fields(line);
          if (f.size() != 4) {
            throw new MalformedInputException(
                file,
                lineNo,
                "expected 4 whitespace-separated fields 'qid iter docid grade' (TREC qrels, as on line "
                    + formatLine
                    + "), found "
                    + f.size());
          }
          qid = f.get(0);
          docId = f.get(2);
          gradeText = f.get(3);
        }
        Integer grade = TrecSyntax.parseIntOrNull(gradeText);
        if (grade == null) {
          throw new MalformedInputException(
              file, lineNo, "relevance grade '" + gradeText + "' is not an integer (e.g. 0, 1, 2)");
        }
        Map<String, Integer> docs = judgments.computeIfAbsent(qid, k -> new HashMap<>());
        if (duplicates == Duplicates.REJECT) {
          Long previous = firstLine.computeIfAbsent(qid, k -> new HashMap<>()).putIfAbsent(docId, lineNo);
          if (previous != null) {
            throw new MalformedInputException(
                file,
                lineNo,
                "duplicate judgment for query '"
                    + qid
                    + "' doc '"
                    + docId
                    + "' (first on line "
                    + previous
                    + "); trec_eval 10 rejects duplicate qrels entries");
          }
        }
        if (docs.put(docId, grade) != null) {
          repeated++;
        }
      }
    }
    if (judgments.isEmpty()) {
      throw new CptbenchException("qrels file " + file + " has no judgments");
    }
    String name = file.getFileName().toString();
    if (blank > 0) {
      report.count(name + ".blankLines", blank);
    }
    if (comments > 0) {
      report.count(name + ".commentLines", comments);
      report.warn(name + ": " + comments + " line(s) starting with '#' were skipped as comments");
    }
    if (repeated > 0) {
      report.count(name + ".duplicateJudgments", repeated);
      report.warn(name + ": " + repeated + " repeated (query, document) judgment(s); the last grade was kept");
    }
    return Qrels.of(judgments);
  }
}
