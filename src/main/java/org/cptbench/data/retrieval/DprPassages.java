package org.cptbench.data.retrieval;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.cptbench.data.LineReader;
import org.cptbench.data.MalformedInputException;
import org.cptbench.data.PyText;

/**
 * DPR's Wikipedia passages {@code psgs_w100.tsv} (Karpukhin et al. 2020; 21,015,324 passages of 100 words): {@code id
 * TAB text TAB title} with a header row {@code id text title}, read as DPR's {@code CsvCtxSrc} does (Python {@code
 * csv.reader}, TAB, quoted fields; the header is the row whose id is {@code id}; {@code text.strip('"')}). The document
 * text the encoder reads is {@code (title + " " + text).strip()}, the same convention as for BEIR; the passage text
 * alone is kept as the document's body ({@link RetrievalCorpus#bodies()}), which answer matching reads, as DPR's
 * {@code qa_validation.py} ({@code text = doc[0]}) and pyserini's {@code evaluate_dpr_retrieval.py} do: an answer
 * that occurs only in a passage's title does not count.
 */
public final class DprPassages {
  private DprPassages() {}

  /** Reads {@code file} into a corpus, keeping all passages or a sample per {@code sampling}. */
  static RetrievalCorpus read(Path file, CorpusSampling sampling, Set<String> judged) {
    CorpusCollector c = new CorpusCollector(file, sampling, judged);
    try (LineReader r = LineReader.utf8(file)) {
      PythonCsv csv = new PythonCsv(r);
      for (List<String> f = csv.next(); f != null; f = csv.next()) {
        if (f.size() == 1 && f.getFirst().isEmpty()) {
          continue;
        }
        if (f.size() < 3) {
          throw new MalformedInputException(
              file, csv.recordLine(), "expected 'id TAB text TAB title', got " + f.size() + " field(s)");
        }
        if (f.get(0).equals("id")) {
          continue;
        }
        String text = stripQuotes(f.get(1));
        c.add(r, f.get(0), PyText.strip(f.get(2) + " " + text), text);
      }
    }
    return c.build();
  }

  /** Python's {@code s.strip('"')}. */
  static String stripQuotes(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && s.charAt(a) == '"') {
      a++;
    }
    while (b > a && s.charAt(b - 1) == '"') {
      b--;
    }
    return s.substring(a, b);
  }
}
