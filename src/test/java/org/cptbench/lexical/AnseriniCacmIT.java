package org.cptbench.lexical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cptbench.data.trec.TrecRun;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Anserini's CACM regression ({@code src/main/resources/reproduce/from-document-collection/configs/cacm.yaml}: BM25
 * default, MAP 0.3123, P@30 0.1942 by trec_eval {@code -m map -m P.30}, 1000 hits). Runs when {@code ANSERINI_CACM}
 * names a folder holding the 3,204 {@code CACM-*.html} files of Anserini's {@code src/main/resources/cacm/cacm.tar.gz},
 * {@code topics.cacm.txt} and {@code qrels.cacm.txt} (from castorini/anserini-tools); the data is not committed.
 * Documents are {@code Jsoup.parse(html).text().trim()} (Anserini's {@code HtmlCollection}), topics the text between
 * the DOCNO line and {@code </DOC>} ({@code CacmTopicReader}). MAP and P@30 as trec_eval: queries both run and judged,
 * run sorted by score then doc id descending.
 */
@EnabledIfEnvironmentVariable(named = "ANSERINI_CACM", matches = ".+")
class AnseriniCacmIT {
  @Test
  void reproducesAnserinisCacmRegression() throws IOException {
    Path dir = Path.of(System.getenv("ANSERINI_CACM"));
    List<String> ids = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().toList()) {
        String raw = String.join("\n", Files.readAllLines(p, StandardCharsets.UTF_8)) + "\n";
        ids.add(p.getFileName().toString().replaceAll("\\.html$", ""));
        texts.add(Jsoup.parse(raw).text().trim());
      }
    }
    assertEquals(3204, ids.size());
    List<String> qids = new ArrayList<>();
    List<String> queries = new ArrayList<>();
    List<String> lines = Files.readAllLines(dir.resolve("topics.cacm.txt"), StandardCharsets.UTF_8);
    Pattern docno = Pattern.compile("<DOCNO>\\s*(.*?)\\s*</DOCNO>");
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).trim().startsWith("<DOC>")) {
        continue;
      }
      while (!lines.get(++i).startsWith("<DOCNO>")) {
        // skip to the id
      }
      Matcher m = docno.matcher(lines.get(i));
      m.find();
      StringBuilder sb = new StringBuilder();
      while (!lines.get(++i).startsWith("</DOC>")) {
        sb.append(lines.get(i)).append('\n');
      }
      qids.add(m.group(1));
      queries.add(sb.toString());
    }
    Map<String, Set<String>> relevant = new HashMap<>();
    for (String l : Files.readAllLines(dir.resolve("qrels.cacm.txt"), StandardCharsets.UTF_8)) {
      String[] f = l.trim().split("\\s+");
      if (f.length == 4 && Integer.parseInt(f[3]) > 0) {
        relevant.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[2]);
      }
    }
    Map<String, List<TrecRun.Entry>> run =
        Bm25.anserini().retriever().search(ids, texts, qids, queries, 1000).run();
    double map = 0;
    double p30 = 0;
    int n = 0;
    for (var e : run.entrySet()) {
      Set<String> rel = relevant.get(e.getKey());
      if (rel == null) {
        continue;
      }
      n++;
      int hits = 0;
      double ap = 0;
      List<TrecRun.Entry> ranked = e.getValue(); // already in trec_eval's order
      for (int r = 0; r < ranked.size(); r++) {
        if (rel.contains(ranked.get(r).docId())) {
          hits++;
          ap += hits / (r + 1.0);
          if (r < 30) {
            p30 += 1.0 / 30;
          }
        }
      }
      map += ap / rel.size();
    }
    assertEquals(52, n);
    assertEquals(0.3123, map / n, 0.005, "MAP");
    assertEquals(0.1942, p30 / n, 0.005, "P@30");
    System.out.printf(java.util.Locale.ROOT, "CACM BM25: MAP %.4f (Anserini 0.3123), P@30 %.4f (0.1942)%n", map / n,
        p30 / n);
  }
}
