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
 * Microsoft Research Paraphrase Corpus, {@code msr_paraphrase_{train,test}.txt}: TAB-separated {@code Quality, #1 ID,
 * #2 ID, #1 String, #2 String}, UTF-8, often with a byte-order mark. The original release (and SentEval's copy) starts
 * with the header row {@code Quality #1 ID ...}; some copies drop it. SentEval {@code mrpc.py} always discards the
 * first line, which on a header-less copy loses a real pair; here the first line is skipped only when it is the header
 * (its first field is {@code Quality}). Official sizes: train 4076 (2753 paraphrases), test 1725 (1147).
 */
public final class MrpcFormat {
  static final String TRAIN = "msr_paraphrase_train.txt";
  static final String TEST = "msr_paraphrase_test.txt";

  private MrpcFormat() {}

  static boolean matches(List<String> names) {
    return names.contains(TRAIN) && names.contains(TEST);
  }

  static SentEvalData load(Path folder) {
    Map<String, List<TextPair>> splits = new LinkedHashMap<>();
    LoadReport.Builder report = new LoadReport.Builder();
    splits.put("train", read(folder.resolve(TRAIN), report));
    splits.put("test", read(folder.resolve(TEST), report));
    SentEvalTask task =
        new SentEvalTask("MRPC", SentEvalKind.PAIRS, List.of("not paraphrase", "paraphrase"));
    return new SentEvalData(task, Map.of(), splits, report.build());
  }

  private static List<TextPair> read(Path file, LoadReport.Builder report) {
    if (!Files.isRegularFile(file)) {
      throw new CptbenchException("file not found: " + file);
    }
    List<TextPair> out = new ArrayList<>();
    try (LineReader r = LineReader.open(file, TextEncoding.utf8OrLatin1(file))) {
      for (String line = r.next(); line != null; line = r.next()) {
        String[] f = PyText.strip(line).split("\t", -1);
        if (r.lineNumber() == 1 && f[0].equals("Quality")) {
          report.count(file.getFileName() + ".header", 1);
          continue;
        }
        if (f.length < 5) {
          throw r.error(
              "expected 5 TAB-separated fields (Quality, #1 ID, #2 ID, #1 String, #2 String), got " + f.length);
        }
        int label;
        if (f[0].equals("0") || f[0].equals("1")) {
          label = f[0].charAt(0) - '0';
        } else {
          throw r.error("Quality '" + f[0] + "' must be 0 or 1");
        }
        out.add(new TextPair(PyText.strip(f[3]), PyText.strip(f[4]), label));
      }
    }
    return out;
  }
}
