package org.cptbench.data.senteval;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.data.LineReader;
import org.cptbench.data.LoadReport;
import org.cptbench.data.PyText;
import org.cptbench.data.TextEncoding;

/**
 * SentEval's binary sets, one sentence per line, the class given by the file (SentEval {@code binary.py}): a folder
 * holding {@code <stem>.pos} + {@code <stem>.neg} (MR {@code rt-polarity}, CR {@code custrev}, MPQA {@code mpqa},
 * or any other stem) or {@code <stem>.objective} + {@code <stem>.subjective} (SUBJ).
 *
 * <p>Labels follow {@code BinaryClassifierEval(pos, neg)}: the first file gets label 1, the second label 0, and the
 * samples are listed first-file first. For pos/neg: pos = 1, neg = 0. For SUBJ, SentEval calls
 * {@code SUBJEval(obj, subj)}, so <b>objective = 1, subjective = 0</b>.
 *
 * <p>Each file is decoded as UTF-8 when it is valid UTF-8, else as latin-1 (SentEval reads these files as latin-1;
 * MR and SUBJ contain latin-1 bytes). Lines are split on {@code '\n'} only and stripped as Python's {@code strip()}
 * would; empty lines are kept as empty samples, as SentEval's {@code f.read().splitlines()} keeps them (CR has 4 and
 * MPQA 3; the published sizes 3775 and 10606 include them). One difference from SentEval is deliberate: Python's
 * {@code splitlines()} would also cut MR/SUBJ lines at byte 0x85 (U+0085 in latin-1, an ellipsis in the original
 * cp1252 text); we keep it inside the sentence so the sizes are the published 10662 (MR) and 10000 (SUBJ).
 */
public final class BinaryFormat {
  /** Known stems and their conventional task names. */
  private static final Map<String, String> NAMES =
      Map.of("rt-polarity", "MR", "custrev", "CR", "mpqa", "MPQA", "subj", "SUBJ");

  /** A pair of files: label-1 file first. */
  record FilePair(String stem, Path one, Path zero, List<String> classNames) {}

  private BinaryFormat() {}

  /** The pos/neg (or objective/subjective) file pair in {@code folder}, or null when there is none. */
  static FilePair find(Path folder, List<String> names) {
    List<FilePair> found = new ArrayList<>();
    for (String n : names) {
      if (n.endsWith(".pos") && names.contains(stem(n, ".pos") + ".neg")) {
        String stem = stem(n, ".pos");
        found.add(
            new FilePair(
                stem, folder.resolve(n), folder.resolve(stem + ".neg"), List.of("negative", "positive")));
      } else if (n.endsWith(".objective") && names.contains(stem(n, ".objective") + ".subjective")) {
        String stem = stem(n, ".objective");
        found.add(
            new FilePair(
                stem,
                folder.resolve(n),
                folder.resolve(stem + ".subjective"),
                List.of("subjective", "objective")));
      }
    }
    if (found.size() > 1) {
      throw new CptbenchException(
          "ambiguous SentEval binary folder "
              + folder
              + ": several file pairs "
              + found.stream().map(f -> f.one().getFileName() + "/" + f.zero().getFileName()).toList()
              + "; keep one data set per folder");
    }
    return found.isEmpty() ? null : found.getFirst();
  }

  private static String stem(String name, String suffix) {
    return name.substring(0, name.length() - suffix.length());
  }

  /** Loads the binary set in {@code folder} (which {@link #find} recognised). */
  static SentEvalData load(Path folder, FilePair files) {
    String name = NAMES.getOrDefault(files.stem(), folder.getFileName().toString());
    SentEvalTask task = new SentEvalTask(name, SentEvalKind.CV10, files.classNames());
    LoadReport.Builder report = new LoadReport.Builder();
    List<LabeledText> all = new ArrayList<>();
    read(files.one(), 1, all, report);
    read(files.zero(), 0, all, report);
    return new SentEvalData(task, Map.of("all", all), Map.of(), report.build());
  }

  private static void read(Path file, int label, List<LabeledText> out, LoadReport.Builder report) {
    if (!Files.isRegularFile(file)) {
      throw new CptbenchException("file not found: " + file);
    }
    Charset cs = TextEncoding.utf8OrLatin1(file);
    long empty = 0;
    try (LineReader r = LineReader.open(file, cs)) {
      for (String line = r.next(); line != null; line = r.next()) {
        String text = PyText.strip(line);
        if (text.isEmpty()) {
          empty++;
        }
        out.add(new LabeledText(text, label));
      }
    }
    report.count(file.getFileName() + ".lines.empty", empty);
    if (empty > 0) {
      report.warn(
          file.getFileName()
              + ": "
              + empty
              + " empty line(s) kept as empty samples with label "
              + label
              + " (SentEval keeps them too)");
    }
    if (!cs.name().equals("UTF-8")) {
      report.warn(file.getFileName() + ": not valid UTF-8, read as " + cs.name());
    }
  }
}
