package org.cptbench.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.cptbench.CptbenchException;
import org.cptbench.data.MalformedInputException;
import org.cptbench.eval.metric.PerQueryScores;
import org.cptbench.util.AtomicFiles;

/**
 * The per-item files of an evaluation folder, the input of paired statistics:
 *
 * <ul>
 *   <li>{@code per-query/<task>.tsv}: {@code metric TAB qid TAB value} (retrieval, QA, code search; six decimals);
 *   <li>{@code per-pair/<task>.tsv}: {@code pair TAB subset TAB gold TAB predicted} (STS; pair = 0-based position
 *       in the task's pooled order, values written so that they read back exactly);
 *   <li>{@code per-item/<task>.tsv}: {@code fold TAB index TAB gold TAB predicted TAB correct} (linear probes: one
 *       line per test item, fold by fold; see {@link org.cptbench.eval.probe.ProbeItem}).
 * </ul>
 */
public final class ItemScoreFiles {
  public static final String PER_QUERY = "per-query";
  public static final String PER_PAIR = "per-pair";
  public static final String PER_ITEM = "per-item";
  static final String PAIR_HEADER = "pair\tsubset\tgold\tpredicted";
  static final String ITEM_HEADER = "fold\tindex\tgold\tpredicted\tcorrect";

  private ItemScoreFiles() {}

  /** Writes the per-item files of one task result into {@code out} (nothing when it has none). */
  public static void write(Path out, TaskResult r) {
    String name = EvalOutput.fileName(r.task()) + ".tsv";
    if (!r.perQuery().isEmpty()) {
      StringBuilder sb = new StringBuilder("metric\tqid\tvalue\n");
      for (PerQueryScores s : r.perQuery()) {
        s.perQuery().forEach((q, v) ->
            sb.append(s.metricId()).append('\t').append(q).append('\t')
                .append(String.format(Locale.ROOT, "%.6f", v)).append('\n'));
      }
      AtomicFiles.writeString(out.resolve(PER_QUERY).resolve(name), sb.toString());
    }
    if (r.pairs() != null) {
      PairScores p = r.pairs();
      double[] gold = p.gold();
      double[] predicted = p.predicted();
      StringBuilder sb = new StringBuilder(PAIR_HEADER).append('\n');
      for (int i = 0; i < p.size(); i++) {
        sb.append(i).append('\t').append(p.subsets().get(i)).append('\t').append(gold[i]).append('\t')
            .append(predicted[i]).append('\n');
      }
      AtomicFiles.writeString(out.resolve(PER_PAIR).resolve(name), sb.toString());
    }
    if (!r.perItem().isEmpty()) {
      StringBuilder sb = new StringBuilder(ITEM_HEADER).append('\n');
      for (org.cptbench.eval.probe.ProbeItem it : r.perItem()) {
        sb.append(it.fold()).append('\t').append(it.index()).append('\t').append(it.gold()).append('\t')
            .append(it.predicted()).append('\t').append(it.correct() ? 1 : 0).append('\n');
      }
      AtomicFiles.writeString(out.resolve(PER_ITEM).resolve(name), sb.toString());
    }
  }

  /** Whether {@code dir} holds per-pair scores of {@code task}. */
  public static boolean hasPairs(Path dir, String task) {
    return Files.isRegularFile(dir.resolve(PER_PAIR).resolve(EvalOutput.fileName(task) + ".tsv"));
  }

  /** Reads {@code per-pair/<task>.tsv}. */
  public static PairScores readPairs(Path dir, String task) {
    Path file = dir.resolve(PER_PAIR).resolve(EvalOutput.fileName(task) + ".tsv");
    List<String> lines = lines(file);
    if (lines.isEmpty() || !lines.getFirst().equals(PAIR_HEADER)) {
      throw new MalformedInputException(file, 1, "expected the header '" + PAIR_HEADER.replace("\t", " TAB ") + "'");
    }
    List<String> subsets = new ArrayList<>();
    double[] gold = new double[lines.size() - 1];
    double[] predicted = new double[lines.size() - 1];
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t", -1);
      if (f.length != 4) {
        throw new MalformedInputException(file, i + 1, "expected 4 TAB-separated fields, got " + f.length);
      }
      if (!f[0].equals(Integer.toString(i - 1))) {
        throw new MalformedInputException(file, i + 1, "expected pair " + (i - 1) + ", got '" + f[0] + "'");
      }
      subsets.add(f[1]);
      gold[i - 1] = number(file, i + 1, f[2]);
      predicted[i - 1] = number(file, i + 1, f[3]);
    }
    return new PairScores(subsets, gold, predicted);
  }

  /** Whether {@code dir} holds per-item probe predictions of {@code task}. */
  public static boolean hasPerItem(Path dir, String task) {
    return Files.isRegularFile(dir.resolve(PER_ITEM).resolve(EvalOutput.fileName(task) + ".tsv"));
  }

  /**
   * Reads {@code per-item/<task>.tsv}, in file order. Every line must hold integers, {@code correct} must agree with
   * gold and predicted, and no (fold, index) may appear twice.
   */
  public static List<org.cptbench.eval.probe.ProbeItem> readPerItem(Path dir, String task) {
    Path file = dir.resolve(PER_ITEM).resolve(EvalOutput.fileName(task) + ".tsv");
    List<String> lines = lines(file);
    if (lines.isEmpty() || !lines.getFirst().equals(ITEM_HEADER)) {
      throw new MalformedInputException(file, 1, "expected the header '" + ITEM_HEADER.replace("\t", " TAB ") + "'");
    }
    List<org.cptbench.eval.probe.ProbeItem> items = new ArrayList<>();
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t", -1);
      if (f.length != 5) {
        throw new MalformedInputException(file, i + 1, "expected 5 TAB-separated fields, got " + f.length);
      }
      int fold = integer(file, i + 1, "fold", f[0]);
      int index = integer(file, i + 1, "index", f[1]);
      int gold = integer(file, i + 1, "gold", f[2]);
      int predicted = integer(file, i + 1, "predicted", f[3]);
      if (fold < 0 || index < 0) {
        throw new MalformedInputException(file, i + 1, "fold and index must be >= 0, got " + fold + ", " + index);
      }
      if (!f[4].equals(gold == predicted ? "1" : "0")) {
        throw new MalformedInputException(file, i + 1, "correct is '" + f[4] + "' but gold " + gold
            + (gold == predicted ? " equals" : " differs from") + " predicted " + predicted);
      }
      if (!seen.add(((long) fold << 32) | index)) {
        throw new MalformedInputException(file, i + 1, "item " + index + " of fold " + fold + " appears twice");
      }
      items.add(new org.cptbench.eval.probe.ProbeItem(fold, index, gold, predicted));
    }
    if (items.isEmpty()) {
      throw new MalformedInputException(file, 1, "no items after the header");
    }
    return items;
  }

  private static int integer(Path file, int line, String field, String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new MalformedInputException(file, line, field + " must be an integer, got '" + s + "'");
    }
  }

  /** Whether {@code dir} holds per-query scores of {@code task}. */
  public static boolean hasPerQuery(Path dir, String task) {
    return Files.isRegularFile(dir.resolve(PER_QUERY).resolve(EvalOutput.fileName(task) + ".tsv"));
  }

  /** The metric ids of {@code per-query/<task>.tsv}, in file order (empty when the file is absent). */
  public static List<String> perQueryMetrics(Path dir, String task) {
    if (!hasPerQuery(dir, task)) {
      return List.of();
    }
    Path file = dir.resolve(PER_QUERY).resolve(EvalOutput.fileName(task) + ".tsv");
    List<String> metrics = new ArrayList<>();
    List<String> lines = lines(file);
    for (int i = 1; i < lines.size(); i++) {
      String m = lines.get(i).split("\t", -1)[0];
      if (!metrics.contains(m)) {
        metrics.add(m);
      }
    }
    return metrics;
  }

  /** Reads one metric's per-query values of {@code task}, in file order. */
  public static LinkedHashMap<String, Double> readPerQuery(Path dir, String task, String metric) {
    Path file = dir.resolve(PER_QUERY).resolve(EvalOutput.fileName(task) + ".tsv");
    List<String> lines = lines(file);
    LinkedHashMap<String, Double> out = new LinkedHashMap<>();
    List<String> metrics = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t", -1);
      if (f.length != 3) {
        throw new MalformedInputException(file, i + 1, "expected 'metric TAB qid TAB value', got " + f.length
            + " field(s)");
      }
      if (!metrics.contains(f[0])) {
        metrics.add(f[0]);
      }
      if (f[0].equals(metric) && out.put(f[1], number(file, i + 1, f[2])) != null) {
        throw new MalformedInputException(file, i + 1, "query '" + f[1] + "' appears twice for " + metric);
      }
    }
    if (out.isEmpty()) {
      throw new CptbenchException(file + ": no per-query values of metric '" + metric + "'; present: " + metrics);
    }
    return out;
  }

  private static List<String> lines(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CptbenchException("missing per-item scores: " + file);
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double number(Path file, int line, String s) {
    try {
      double v = Double.parseDouble(s);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new MalformedInputException(file, line, "expected a finite number, got '" + s + "'");
  }
}
