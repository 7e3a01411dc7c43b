package org.cptbench.data.senteval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cptbench.CptbenchException;
import org.cptbench.data.ItemIntegrity;
import org.cptbench.data.LoadReport;

/**
 * Loads a SentEval classification folder, recognising its format from the file names: binary pos/neg or
 * objective/subjective files ({@link BinaryFormat}), SST ({@link SstFormat}), TREC ({@link TrecFormat}) or MRPC
 * ({@link MrpcFormat}).
 */
public final class SentEvalLoader {
  /** What {@link #load} recognises, for error messages. */
  public static final String SUPPORTED =
      "<stem>.pos + <stem>.neg (MR, CR, MPQA), <stem>.objective + <stem>.subjective (SUBJ), "
          + "stsa.binary.{train,dev,test} / stsa.fine.{train,dev,test} / sentiment-{train,dev,test} (SST), "
          + "TREC.{train,test} or train_5500.label + TREC_10.label (TREC), "
          + "msr_paraphrase_{train,test}.txt (MRPC)";

  private SentEvalLoader() {}

  /** Whether {@code folder} holds one of the SentEval formats. */
  public static boolean recognises(Path folder) {
    List<String> names = fileNames(folder);
    return MrpcFormat.matches(names)
        || TrecFormat.find(names) != null
        || SstFormat.find(names) != null
        || BinaryFormat.find(folder, names) != null;
  }

  /**
   * Loads the task in {@code folder}; an error names the folder, what it holds and what is supported. Empty and
   * duplicate items are counted into the report ({@link ItemIntegrity}).
   */
  public static SentEvalData load(Path folder) {
    SentEvalData data = unchecked(folder);
    // the binary format already warns about empty lines file by file (FILE.lines.empty)
    boolean emptiesWarned = data.report().counts().entrySet().stream()
        .anyMatch(e -> e.getKey().endsWith(".lines.empty") && e.getValue() > 0);
    LoadReport.Builder report = new LoadReport.Builder().addAll(data.report());
    for (String split : data.task().splits()) {
      List<ItemIntegrity.Item> items = data.task().pairs()
          ? data.pairs(split).stream()
              .map(p -> new ItemIntegrity.Item(List.of(p.first(), p.second()), Integer.toString(p.label()))).toList()
          : data.texts(split).stream()
              .map(t -> new ItemIntegrity.Item(List.of(t.text()), Integer.toString(t.label()))).toList();
      ItemIntegrity.check(report, data.task().pairs() ? "pairs" : "texts", "split " + split, items, !emptiesWarned);
    }
    return new SentEvalData(data.task(), data.texts(), data.pairs(), report.build());
  }

  /** The task in {@code folder} as its format reads it, without the empty and duplicate item counts. */
  private static SentEvalData unchecked(Path folder) {
    List<String> names = fileNames(folder);
    if (MrpcFormat.matches(names)) {
      return MrpcFormat.load(folder);
    }
    List<String> trec = TrecFormat.find(names);
    if (trec != null) {
      return TrecFormat.load(folder, trec);
    }
    String sst = SstFormat.find(names);
    if (sst != null) {
      return SstFormat.load(folder, sst);
    }
    BinaryFormat.FilePair binary = BinaryFormat.find(folder, names);
    if (binary != null) {
      return BinaryFormat.load(folder, binary);
    }
    throw new CptbenchException(
        "no SentEval classification data in " + folder + " (files: " + names + "); supported: " + SUPPORTED);
  }

  /** The sorted names of the regular files in {@code folder}. */
  static List<String> fileNames(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new CptbenchException("data folder not found: " + folder);
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new CptbenchException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }
}
