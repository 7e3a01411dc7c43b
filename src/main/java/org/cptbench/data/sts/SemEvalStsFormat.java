package org.cptbench.data.sts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cptbench.CptbenchException;
import org.cptbench.data.LineReader;
import org.cptbench.data.LoadReport;
import org.cptbench.data.PyText;

/**
 * SemEval STS 2012-2016 layout: per subset {@code <P>.input.<set>.txt} (sentence 1 TAB sentence 2, possibly followed by
 * more TAB-separated source columns as in STS16) and {@code <P>.gs.<set>.txt} (one gold score 0..5 per line, aligned by
 * line), where the prefix {@code <P>} is {@code STS} or {@code STS2016} etc. As in SentEval {@code sts.py}, pairs whose
 * gold line is empty (or absent at the end of the gold file) are unscored and skipped; alignment is by line number.
 * Subsets are those with both files, ordered case-insensitively (which reproduces SentEval's lists, e.g. STS14
 * deft-forum, deft-news, headlines, images, OnWN, tweet-news).
 */
public final class SemEvalStsFormat {
  private static final Pattern INPUT = Pattern.compile("(STS[^.]*)\\.input\\.(.+)\\.txt");
  private static final Pattern GOLD = Pattern.compile("(STS[^.]*)\\.gs\\.(.+)\\.txt");

  private SemEvalStsFormat() {}

  /** Subset name to input file name, for the subsets that also have a gold file. */
  static Map<String, String> subsets(List<String> names) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(Comparator.comparing((String n) -> subsetOf(n), String.CASE_INSENSITIVE_ORDER));
    for (String n : sorted) {
      Matcher m = INPUT.matcher(n);
      if (m.matches() && names.contains(m.group(1) + ".gs." + m.group(2) + ".txt")) {
        out.put(m.group(2), n);
      }
    }
    return out;
  }

  private static String subsetOf(String n) {
    Matcher m = INPUT.matcher(n);
    return m.matches() ? m.group(2) : n;
  }

  static boolean matches(List<String> names) {
    return !subsets(names).isEmpty();
  }

  static StsData load(Path folder, List<String> names, String split) {
    if (!split.equals("test") && !split.equals(StsLoader.MTEB)) {
      throw new CptbenchException(
          "split '" + split + "' not available in SemEval STS folder " + folder + "; allowed: test, "
              + StsLoader.MTEB + " (the same pairs)");
    }
    LoadReport.Builder report = new LoadReport.Builder();
    Map<String, String> subsets = subsets(names);
    for (String n : names) {
      Matcher in = INPUT.matcher(n);
      Matcher gs = GOLD.matcher(n);
      if (in.matches() && !subsets.containsValue(n)) {
        report.warn(n + ": no gold file " + in.group(1) + ".gs." + in.group(2) + ".txt; subset skipped");
      } else if (gs.matches() && !names.contains(gs.group(1) + ".input." + gs.group(2) + ".txt")) {
        report.warn(n + ": gold scores without an input file; ignored");
      }
    }
    Map<String, List<ScoredPair>> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : subsets.entrySet()) {
      Matcher m = INPUT.matcher(e.getValue());
      if (!m.matches()) {
        throw new IllegalStateException(e.getValue());
      }
      Path input = folder.resolve(e.getValue());
      Path gold = folder.resolve(m.group(1) + ".gs." + m.group(2) + ".txt");
      out.put(e.getKey(), readSubset(input, gold, e.getKey(), report));
      StsData.requireScoredPairs(folder, Map.of(e.getKey(), gold), Map.of(e.getKey(), out.get(e.getKey())));
    }
    return new StsData(folder.getFileName().toString(), "semeval-sts", split, out, report.build());
  }

  private static List<ScoredPair> readSubset(Path input, Path gold, String subset, LoadReport.Builder report) {
    List<ScoredPair> out = new ArrayList<>();
    long unscored = 0;
    try (LineReader in = LineReader.utf8(input);
        LineReader gs = LineReader.utf8(gold)) {
      for (String line = in.next(); line != null; line = in.next()) {
        String g = gs.next();
        String[] f = line.split("\t", -1);
        if (f.length < 2) {
          throw in.error("expected 'sentence1 TAB sentence2', found no TAB");
        }
        if (g == null || g.isBlank()) {
          unscored++;
          continue;
        }
        out.add(new ScoredPair(PyText.strip(f[0]), PyText.strip(f[1]), StsScores.parse(gs, g, "gold score")));
      }
      if (gs.next() != null) {
        throw gs.error("gold file has more lines than its input file " + input + " (" + in.lineNumber() + ")");
      }
    }
    report.count(subset + ".unscored", unscored);
    return out;
  }
}
