package org.cptbench.data.sts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.data.LineReader;
import org.cptbench.data.LoadReport;
import org.cptbench.data.PyText;

/**
 * STS Benchmark (Cer et al. 2017), {@code sts-{train,dev,test}.csv}: despite the extension, TAB-separated without
 * header and WITHOUT CSV quoting (sentences contain bare {@code "}): genre, file, year, id, score, sentence1,
 * sentence2, and on some rows two more source columns. Read as SentEval {@code STSBenchmarkEval}: fields 5, 6, 7.
 * Sizes: 5749 / 1500 / 1379.
 */
public final class StsBenchmarkFormat {
  static final List<String> SPLITS = List.of("train", "dev", "test");

  private StsBenchmarkFormat() {}

  static boolean matches(List<String> names) {
    return SPLITS.stream().anyMatch(s -> names.contains("sts-" + s + ".csv"));
  }

  static StsData load(Path folder, List<String> names, String split) {
    String file = "sts-" + (split.equals(StsLoader.MTEB) ? "test" : split) + ".csv"; // MTEB's STSBenchmark: test
    if (!names.contains(file)) {
      throw new CptbenchException(
          "split '"
              + split
              + "' not available in STS Benchmark folder "
              + folder
              + "; allowed: "
              + SPLITS.stream().filter(s -> names.contains("sts-" + s + ".csv")).toList()
              + (names.contains("sts-test.csv") ? " or " + StsLoader.MTEB + " (= test)" : ""));
    }
    List<ScoredPair> out = new ArrayList<>();
    try (LineReader r = LineReader.utf8(folder.resolve(file))) {
      for (String line = r.next(); line != null; line = r.next()) {
        String[] f = line.split("\t", -1);
        if (f.length < 7) {
          throw r.error(
              "expected at least 7 TAB-separated fields (genre, file, year, id, score, sentence1, sentence2), got "
                  + f.length);
        }
        out.add(new ScoredPair(PyText.strip(f[5]), PyText.strip(f[6]), StsScores.parse(r, f[4], "score")));
      }
    }
    StsData.requireScoredPairs(folder, Map.of(split, folder.resolve(file)), Map.of(split, out));
    return new StsData(
        folder.getFileName().toString(), "stsb", split, Map.of(split, out), LoadReport.empty());
  }
}
