package org.cptbench.data.senteval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.data.LineReader;
import org.cptbench.data.LoadReport;
import org.cptbench.data.PyText;
import org.cptbench.data.TextEncoding;

/**
 * TREC question classification (Li &amp; Roth 2002): {@code COARSE:fine question} per line, in {@code
 * TREC.{train,test}} (harvardnlp) or {@code train_5500.label} / {@code TREC_10.label} (SentEval, the original names).
 * Parsed as SentEval {@code trec.py}: split at the first {@code ':'} for the coarse class, drop the fine class up to
 * the first space. The six coarse classes get SentEval's indices: ABBR 0, DESC 1, ENTY 2, HUM 3, LOC 4, NUM 5.
 * Files are latin-1 unless valid UTF-8.
 */
public final class TrecFormat {
  /** SentEval's {@code tgt2idx} order. */
  public static final List<String> CLASSES = List.of("ABBR", "DESC", "ENTY", "HUM", "LOC", "NUM");

  private static final List<List<String>> FILE_NAMES =
      List.of(List.of("TREC.train", "TREC.test"), List.of("train_5500.label", "TREC_10.label"));

  private TrecFormat() {}

  /** The train and test file names present in {@code names}, or null. */
  static List<String> find(List<String> names) {
    return FILE_NAMES.stream().filter(names::containsAll).findFirst().orElse(null);
  }

  static SentEvalData load(Path folder, List<String> files) {
    Map<String, List<LabeledText>> splits = new LinkedHashMap<>();
    splits.put("train", read(folder.resolve(files.get(0))));
    splits.put("test", read(folder.resolve(files.get(1))));
    return new SentEvalData(
        new SentEvalTask("TREC", SentEvalKind.TRAIN_TEST, CLASSES), splits, Map.of(), LoadReport.empty());
  }

  private static List<LabeledText> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CptbenchException("file not found: " + file);
    }
    List<LabeledText> out = new ArrayList<>();
    try (LineReader r = LineReader.open(file, TextEncoding.utf8OrLatin1(file))) {
      for (String line = r.next(); line != null; line = r.next()) {
        String s = PyText.strip(line);
        int colon = s.indexOf(':');
        int space = s.indexOf(' ', Math.max(colon, 0));
        if (colon <= 0 || space < 0) {
          throw r.error("expected 'COARSE:fine question', got '" + abbreviate(s) + "'");
        }
        String coarse = s.substring(0, colon);
        int label = CLASSES.indexOf(coarse);
        if (label < 0) {
          throw r.error("unknown coarse class '" + coarse + "'; allowed: " + CLASSES);
        }
        out.add(new LabeledText(PyText.strip(s.substring(space + 1)), label));
      }
    }
    return out;
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
