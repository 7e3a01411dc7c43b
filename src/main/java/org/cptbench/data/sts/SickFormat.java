package org.cptbench.data.sts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.data.LineReader;
import org.cptbench.data.LoadReport;
import org.cptbench.data.PyText;

/**
 * SICK (Marelli et al. 2014) relatedness, SICK-R, in two distributions:
 *
 * <ul>
 *   <li>the SemEval-2014 Task 1 split files {@code SICK_train.txt}, {@code SICK_trial.txt}, {@code
 *       SICK_test_annotated.txt}: TAB-separated {@code pair_ID, sentence_A, sentence_B, relatedness_score,
 *       entailment_judgment}, with or without the header row, possibly with a byte-order mark; 4500 / 500 / 4927
 *       pairs. These are SentEval's SICK-R train / dev / test ({@code sick.py}).
 *   <li>the full release {@code SICK.txt}: TAB-separated with a header naming the columns (pair_ID, sentence_A,
 *       sentence_B, entailment_label, relatedness_score, ..., SemEval_set), CRLF; the split is the {@code SemEval_set}
 *       column (TRAIN / TRIAL / TEST). It holds 9840 pairs: 87 pairs of the SemEval files are absent (TRAIN 4439,
 *       TRIAL 495, TEST 4906), so scores computed on it are not comparable to SentEval's SICK-R numbers. When both are
 *       present the split files are used; split {@code all} reads {@code SICK.txt} whole.
 * </ul>
 *
 * Splits: {@code train}, {@code dev} (alias {@code trial}), {@code test}, {@code all}, and {@value StsLoader#MTEB}:
 * the three SemEval-2014 files together (4500 + 500 + 4927 = 9927 pairs), which is what MTEB's SICK-R scores (its
 * {@code mteb/sickr-sts} dataset has one split, "test", of those 9,927 pairs); it needs the split files, since
 * {@code SICK.txt} lacks 87 of their pairs. Relatedness is 1..5.
 */
public final class SickFormat {
  static final String FULL = "SICK.txt";
  static final Map<String, String> SPLIT_FILES =
      Map.of("train", "SICK_train.txt", "dev", "SICK_trial.txt", "test", "SICK_test_annotated.txt");
  private static final Map<String, String> SEMEVAL_SET = Map.of("train", "TRAIN", "dev", "TRIAL", "test", "TEST");

  private SickFormat() {}

  static boolean matches(List<String> names) {
    return names.contains(FULL) || SPLIT_FILES.values().stream().anyMatch(names::contains);
  }

  static StsData load(Path folder, List<String> names, String requested) {
    String split = requested.equals("trial") ? "dev" : requested;
    if (!split.equals("all") && !split.equals(StsLoader.MTEB) && !SEMEVAL_SET.containsKey(split)) {
      throw new CptbenchException(
          "unknown SICK split '" + requested + "' for " + folder + "; allowed: train, dev (trial), test, all, "
              + StsLoader.MTEB);
    }
    LoadReport.Builder report = new LoadReport.Builder();
    List<ScoredPair> pairs;
    if (split.equals(StsLoader.MTEB)) {
      List<String> missing = SPLIT_FILES.values().stream().filter(f -> !names.contains(f)).sorted().toList();
      if (!missing.isEmpty()) {
        throw new CptbenchException(
            "SICK split " + StsLoader.MTEB + " (MTEB's SICK-R: the SemEval-2014 train + trial + test files) needs "
                + missing + " in " + folder + " (files: " + names + "); " + FULL + " cannot stand in: it lacks 87 "
                + "of their pairs");
      }
      pairs = new ArrayList<>();
      for (String s : List.of("train", "dev", "test")) {
        pairs.addAll(readSplitFile(folder, names, s));
      }
    } else if (split.equals("all")) {
      if (names.contains(FULL)) {
        pairs = readFull(folder.resolve(FULL), null);
      } else {
        pairs = new ArrayList<>();
        for (String s : List.of("train", "dev", "test")) {
          pairs.addAll(readSplitFile(folder, names, s));
        }
      }
    } else if (names.contains(SPLIT_FILES.get(split))) {
      pairs = readSplitFile(folder, names, split);
    } else if (names.contains(FULL)) {
      pairs = readFull(folder.resolve(FULL), SEMEVAL_SET.get(split));
      report.warn(
          "split "
              + split
              + " read from "
              + FULL
              + " (SemEval_set "
              + SEMEVAL_SET.get(split)
              + ", "
              + pairs.size()
              + " pairs): the full release lacks pairs of the SemEval-2014 file "
              + SPLIT_FILES.get(split)
              + " that SentEval uses (train 4500, trial 500, test 4927)");
    } else {
      throw new CptbenchException(
          "SICK folder "
              + folder
              + " has no "
              + SPLIT_FILES.get(split)
              + " and no "
              + FULL
              + " (files: "
              + names
              + ")");
    }
    Map<String, List<ScoredPair>> subsets = new LinkedHashMap<>();
    subsets.put(split, pairs);
    StsData.requireScoredPairs(folder, Map.of(), subsets);
    return new StsData(folder.getFileName().toString(), "sick", split, subsets, report.build());
  }

  private static List<ScoredPair> readSplitFile(Path folder, List<String> names, String split) {
    String name = SPLIT_FILES.get(split);
    if (!names.contains(name)) {
      throw new CptbenchException("file not found: " + folder.resolve(name));
    }
    List<ScoredPair> out = new ArrayList<>();
    try (LineReader r = LineReader.utf8(folder.resolve(name))) {
      for (String line = r.next(); line != null; line = r.next()) {
        String[] f = line.split("\t", -1);
        if (r.lineNumber() == 1 && f[0].equals("pair_ID")) {
          continue;
        }
        if (f.length < 4) {
          throw r.error(
              "expected TAB-separated pair_ID, sentence_A, sentence_B, relatedness_score[, entailment], got "
                  + f.length
                  + " field(s)");
        }
        out.add(new ScoredPair(PyText.strip(f[1]), PyText.strip(f[2]), StsScores.parse(r, f[3], "relatedness")));
      }
    }
    return out;
  }

  /** Rows of {@code SICK.txt}; {@code set} null = all rows, else only that SemEval_set value. */
  private static List<ScoredPair> readFull(Path file, String set) {
    List<ScoredPair> out = new ArrayList<>();
    try (LineReader r = LineReader.utf8(file)) {
      String header = r.next();
      if (header == null) {
        throw new CptbenchException(file + " is empty");
      }
      List<String> cols = List.of(header.split("\t", -1));
      int a = column(r, cols, "sentence_A");
      int b = column(r, cols, "sentence_B");
      int score = column(r, cols, "relatedness_score");
      int semeval = column(r, cols, "SemEval_set");
      for (String line = r.next(); line != null; line = r.next()) {
        String[] f = line.split("\t", -1);
        if (f.length != cols.size()) {
          throw r.error("expected " + cols.size() + " TAB-separated fields as in the header, got " + f.length);
        }
        if (set == null || f[semeval].strip().equals(set)) {
          out.add(new ScoredPair(PyText.strip(f[a]), PyText.strip(f[b]), StsScores.parse(r, f[score], "relatedness")));
        }
      }
    }
    return out;
  }

  private static int column(LineReader r, List<String> cols, String name) {
    int i = cols.indexOf(name);
    if (i < 0) {
      throw r.error("header has no column '" + name + "' (columns: " + cols + ")");
    }
    return i;
  }
}
