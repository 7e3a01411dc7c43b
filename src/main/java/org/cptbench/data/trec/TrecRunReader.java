package org.cptbench.data.trec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.data.MalformedInputException;

/**
 * Reads a TREC run file (UTF-8) as trec_eval 10.0's {@code get_trec_results.c} does: lines
 * {@code qid iter docid rank score tag}, fields separated by whitespace, further fields ignored, blank lines and
 * lines whose first non-blank character is {@code #} skipped. The iter ({@code Q0}) and rank columns do not affect
 * scoring (trec_eval re-sorts by score); we still require the rank to be an integer, to catch swapped columns. The
 * score must be a decimal number (not NaN). A doc listed twice for one query is an error naming both lines
 * (trec_eval aborts with "duplicate docs").
 */
public final class TrecRunReader {
  private TrecRunReader() {}

  private record Row(String docId, double score, long line) {}

  public static TrecRun read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CptbenchException("run file " + file + " does not exist or is not a file");
    }
    Map<String, List<Row>> rows = new LinkedHashMap<>();
    String tag = null;
    long lineNo = 0;
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
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
        if (TrecSyntax.isBlank(line) || line.strip().startsWith("#")) {
          continue;
        }
        List<String> f = TrecSyntax.fields(line);
        if (f.size() < 6) {
          throw new MalformedInputException(
              file,
              lineNo,
              "expected 6 whitespace-separated fields 'qid Q0 docid rank score tag' (TREC run), found " + f.size());
        }
        try {
          Long.parseLong(f.get(3));
        } catch (NumberFormatException e) {
          throw new MalformedInputException(
              file, lineNo, "rank (4th field) '" + f.get(3) + "' is not an integer; expected 'qid Q0 docid rank score tag'");
        }
        double score;
        try {
          score = Double.parseDouble(f.get(4));
        } catch (NumberFormatException e) {
          throw new MalformedInputException(
              file, lineNo, "score (5th field) '" + f.get(4) + "' is not a number; expected 'qid Q0 docid rank score tag'");
        }
        if (Double.isNaN(score)) {
          throw new MalformedInputException(file, lineNo, "score (5th field) is NaN; a number is required");
        }
        if (tag == null) {
          tag = f.get(5);
        }
        rows.computeIfAbsent(f.get(0), k -> new ArrayList<>()).add(new Row(f.get(2), score, lineNo));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read run file " + file, e);
    }
    Map<String, List<TrecRun.Entry>> entries = new LinkedHashMap<>();
    for (Map.Entry<String, List<Row>> q : rows.entrySet()) {
      checkDuplicates(file, q.getKey(), q.getValue());
      List<TrecRun.Entry> list = new ArrayList<>(q.getValue().size());
      for (Row r : q.getValue()) {
        list.add(new TrecRun.Entry(r.docId(), r.score()));
      }
      entries.put(q.getKey(), list);
    }
    return TrecRun.of(entries, tag == null ? "" : tag);
  }

  private static void checkDuplicates(Path file, String qid, List<Row> rows) {
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(Row::docId).thenComparingLong(Row::line));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).docId().equals(sorted.get(i - 1).docId())) {
        throw new MalformedInputException(
            file,
            sorted.get(i).line(),
            "query '"
                + qid
                + "' lists doc '"
                + sorted.get(i).docId()
                + "' again (first on line "
                + sorted.get(i - 1).line()
                + "); trec_eval rejects duplicate docs in a run");
      }
    }
  }
}
