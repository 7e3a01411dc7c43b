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
 * Stanford Sentiment Treebank with fixed train/dev/test splits, in either of two distributions:
 *
 * <ul>
 *   <li>Kim (2014) / harvardnlp {@code stsa.binary.{train,dev,test}} (SST-2, 6920/872/1821 sentences) or {@code
 *       stsa.fine.{train,dev,test}} (SST-5): {@code <label> <sentence>} per line, the label before the first space;
 *   <li>SentEval's {@code sentiment-{train,dev,test}} (binary): {@code <sentence> TAB <label>} per line, as parsed by
 *       SentEval {@code sst.py} ({@code line.strip().split('\t')}).
 * </ul>
 *
 * Labels: binary 0 = negative, 1 = positive; fine 0..4 = very negative .. very positive.
 */
public final class SstFormat {
  private static final List<String> SPLITS = List.of("train", "dev", "test");

  private SstFormat() {}

  /** The file-name prefix of the SST distribution in {@code names}, or null. */
  static String find(List<String> names) {
    for (String prefix : List.of("stsa.binary.", "stsa.fine.", "sentiment-")) {
      if (SPLITS.stream().allMatch(s -> names.contains(prefix + s))) {
        return prefix;
      }
    }
    return null;
  }

  static SentEvalData load(Path folder, String prefix) {
    boolean fine = prefix.equals("stsa.fine.");
    boolean labelLast = prefix.equals("sentiment-");
    List<String> classes =
        fine
            ? List.of("very negative", "negative", "neutral", "positive", "very positive")
            : List.of("negative", "positive");
    SentEvalTask task = new SentEvalTask(fine ? "SST5" : "SST2", SentEvalKind.TRAIN_DEV_TEST, classes);
    Map<String, List<LabeledText>> splits = new LinkedHashMap<>();
    LoadReport.Builder report = new LoadReport.Builder();
    for (String split : SPLITS) {
      Path file = folder.resolve(prefix + split);
      if (!Files.isRegularFile(file)) {
        throw new CptbenchException("file not found: " + file);
      }
      List<LabeledText> out = new ArrayList<>();
      try (LineReader r = LineReader.open(file, TextEncoding.utf8OrLatin1(file))) {
        for (String line = r.next(); line != null; line = r.next()) {
          String s = PyText.strip(line);
          if (s.isEmpty()) {
            throw r.error("empty line; expected " + (labelLast ? "'sentence TAB label'" : "'label sentence'"));
          }
          int cut = labelLast ? s.lastIndexOf('\t') : s.indexOf(' ');
          if (cut < 0) {
            throw r.error(
                labelLast
                    ? "no TAB before the label; expected 'sentence TAB label'"
                    : "no space after the label; expected 'label sentence'");
          }
          String label = labelLast ? s.substring(cut + 1) : s.substring(0, cut);
          String text = labelLast ? s.substring(0, cut) : s.substring(cut + 1);
          out.add(new LabeledText(PyText.strip(text), parseLabel(r, label, classes.size())));
        }
      }
      splits.put(split, out);
    }
    return new SentEvalData(task, splits, Map.of(), report.build());
  }

  private static int parseLabel(LineReader r, String s, int n) {
    try {
      int v = Integer.parseInt(s.strip());
      if (v >= 0 && v < n) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw r.error("label '" + s + "' must be an integer in 0.." + (n - 1));
  }
}
