package org.cptbench.eval.trec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.data.MalformedInputException;

/**
 * Reads relevance judgments (UTF-8) in either of two formats, detected from the first data line:
 *
 * <ul>
 *   <li><b>TREC qrels</b> ({@code trec_eval get_qrels.c}): {@code qid iter docid grade}, four fields separated by
 *       whitespace; {@code iter} is ignored (often {@code 0} or {@code Q0}).
 *   <li><b>BEIR</b> {@code qrels/*.tsv}: {@code query-id TAB corpus-id TAB score}, exactly three TAB-separated
 *       fields (doc ids may contain spaces, e.g. Climate-FEVER's {@code Global warming:14}), with or without the
 *       header line {@code query-id TAB corpus-id TAB score} (a first line whose score is not an integer is taken as
 *       the header).
 * </ul>
 *
 * <p>Lines starting with {@code #} and blank lines are skipped (trec_eval skips the former and rejects the latter;
 * they cannot change any score). Grades must be integers (trec_eval's {@code atol} would silently truncate
 * {@code 1.5}; we reject it).
 *
 * <p><b>Duplicates:</b> trec_eval 10.0 does not let the last entry win: it keeps both lines, and
 * {@code form_res_rels.c} then aborts with {@code "duplicate docs"} when it scores that query. We reject a repeated
 * (query, doc) pair likewise, naming both lines, even when the grades agree.
 */
public final class QrelsReader {
  private QrelsReader() {}

  private enum Format {
    TREC,
    BEIR
  }

  /** Reads {@code file}; malformed lines raise {@link MalformedInputException} with file and line. */
  public static Qrels read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CptbenchException("qrels file " + file + " does not exist or is not a file");
    }
    LinkedHashMap<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
    Map<String, Map<String, Long>> firstLine = new HashMap<>();
    Format format = null;
    long formatLine = 0;
    long lineNo = 0;
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
      String line;
      while (true) {
        try {
          line = in.readLine();
        } catch (CharacterCodingException e) {
          throw new MalformedInputException(file, lineNo + 1, "not valid UTF-8");
        }
        if (line == null) {
          break;
        }
        lineNo++;
        if (line.startsWith("#") || TrecSyntax.isBlank(line)) {
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
        Map<String, Long> lines = firstLine.computeIfAbsent(qid, k -> new HashMap<>());
        Long previous = lines.putIfAbsent(docId, lineNo);
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
        docs.put(docId, grade);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read qrels file " + file, e);
    }
    if (judgments.isEmpty()) {
      throw new CptbenchException("qrels file " + file + " has no judgments");
    }
    return Qrels.of(judgments);
  }
}
