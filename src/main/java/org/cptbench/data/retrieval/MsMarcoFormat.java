package org.cptbench.data.retrieval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cptbench.data.LineReader;
import org.cptbench.data.LoadReport;
import org.cptbench.data.trec.Qrels;
import org.cptbench.data.trec.QrelsReader;

/**
 * MS MARCO passage ranking as distributed by Microsoft (Nguyen et al. 2016; anserini uses the same formats):
 * {@code collection.tsv} ({@code pid TAB passage}, 8,841,823 lines), query files {@code queries.<split>.tsv} or
 * {@code topics.<name>.<split>.txt} ({@code qid TAB text}) and TREC qrels {@code qrels.<split>.tsv|txt} ({@code qid 0
 * pid rel}). Lines are split on {@code '\n'} only: passages contain U+2028 (and {@code BufferedReader.readLine}
 * would also split at a stray {@code '\r'}). A line is split at its first TAB; the rest is the text, unmodified.
 * The split picks the query and qrels files (see {@link SplitFiles}); e.g. {@code dev.small} for MRR@10 on the
 * 6980-query dev set the cpt-text paper reports.
 */
public final class MsMarcoFormat {
  static final String COLLECTION = "collection.tsv";
  private static final Pattern QUERIES = Pattern.compile("(queries|topics)\\..+\\.(tsv|txt)");
  private static final Pattern QRELS = Pattern.compile("qrels\\..+\\.(tsv|txt)");

  private MsMarcoFormat() {}

  static boolean matches(List<String> names) {
    return names.contains(COLLECTION);
  }

  /** Whether {@code names} hold MS MARCO-style query and qrels files (with or without the collection). */
  static boolean hasTopicsAndQrels(List<String> names) {
    return names.stream().anyMatch(n -> QUERIES.matcher(n).matches())
        && names.stream().anyMatch(n -> QRELS.matcher(n).matches());
  }

  static RetrievalTask load(Path folder, List<String> names, String split, CorpusSampling sampling) {
    String queriesName =
        SplitFiles.select(folder, names.stream().filter(n -> QUERIES.matcher(n).matches()).toList(), split, "queries");
    String qrelsName =
        SplitFiles.select(folder, names.stream().filter(n -> QRELS.matcher(n).matches()).toList(), split, "qrels");
    LoadReport.Builder report = new LoadReport.Builder();
    Qrels qrels = QrelsReader.read(folder.resolve(qrelsName), QrelsReader.Duplicates.KEEP_LAST, report);
    Queries queries = readIdText(folder.resolve(queriesName), "qid");
    Qrels judged = RetrievalAssembly.judgedQueries(folder, queries, qrels, report);
    CorpusCollector c = new CorpusCollector(folder.resolve(COLLECTION), sampling, judged.judgedDocuments());
    try (LineReader r = LineReader.utf8(folder.resolve(COLLECTION))) {
      for (String line = r.next(); line != null; line = r.next()) {
        if (line.isEmpty()) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab <= 0) {
          throw r.error("expected 'pid TAB passage'");
        }
        c.add(r, line.substring(0, tab), line.substring(tab + 1));
      }
    }
    return RetrievalAssembly.assemble(folder, "msmarco", queries, judged, c.build(), report);
  }

  /** Reads {@code id TAB text} lines; an error names the file and line of a malformed or duplicate entry. */
  static Queries readIdText(Path file, String idName) {
    List<String> ids = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    try (LineReader r = LineReader.utf8(file)) {
      for (String line = r.next(); line != null; line = r.next()) {
        if (line.isEmpty()) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab <= 0) {
          throw r.error("expected '" + idName + " TAB text'");
        }
        String id = line.substring(0, tab);
        Long prev = seen.putIfAbsent(id, r.lineNumber());
        if (prev != null) {
          throw r.error("duplicate " + idName + " '" + id + "' (first at line " + prev + ")");
        }
        ids.add(id);
        texts.add(line.substring(tab + 1));
      }
    }
    return new Queries(ids, texts);
  }
}
