package org.cptbench.data.sts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cptbench.CptbenchException;
import org.cptbench.data.ItemIntegrity;
import org.cptbench.data.LoadReport;

/**
 * Loads a sentence-similarity folder, recognising its layout from the file names: SemEval STS12..16 ({@link
 * SemEvalStsFormat}), STS Benchmark ({@link StsBenchmarkFormat}) or SICK ({@link SickFormat}).
 */
public final class StsLoader {
  /** What {@link #load} recognises, for error messages. */
  public static final String SUPPORTED =
      "STS*.input.<set>.txt + STS*.gs.<set>.txt (SemEval STS12-16), sts-{train,dev,test}.csv (STS Benchmark), "
          + "SICK.txt or SICK_{train,trial,test_annotated}.txt (SICK)";

  /**
   * The split name that selects the pairs MTEB scores: the test split of STS-B and of SemEval STS12-16 (all subsets
   * pooled), and for SICK-R all 9,927 pairs of the three SemEval-2014 files (MTEB's {@code mteb/sickr-sts} "test"
   * split is train + trial + test).
   */
  public static final String MTEB = "mteb";

  private StsLoader() {}

  /** Whether {@code folder} holds one of the STS layouts. */
  public static boolean recognises(Path folder) {
    List<String> names = fileNames(folder);
    return SemEvalStsFormat.matches(names) || StsBenchmarkFormat.matches(names) || SickFormat.matches(names);
  }

  /**
   * The scored pairs of {@code split} ({@code test} for SemEval STS; {@code train}/{@code dev}/{@code test} for STS-B;
   * also {@code trial} and {@code all} for SICK; {@value #MTEB} everywhere: the pairs MTEB scores).
   */
  public static StsData load(Path folder, String split) {
    List<String> names = fileNames(folder);
    if (SemEvalStsFormat.matches(names)) {
      return checked(SemEvalStsFormat.load(folder, names, split));
    }
    if (StsBenchmarkFormat.matches(names)) {
      return checked(StsBenchmarkFormat.load(folder, names, split));
    }
    if (SickFormat.matches(names)) {
      return checked(SickFormat.load(folder, names, split));
    }
    throw new CptbenchException(
        "no sentence-similarity data in " + folder + " (files: " + names + "); supported: " + SUPPORTED);
  }

  /** The data with its pairs' empty sentences and duplicates counted into its report ({@link ItemIntegrity}). */
  static StsData checked(StsData data) {
    LoadReport.Builder report = new LoadReport.Builder().addAll(data.report());
    String unit = data.layout().equals("semeval-sts") ? "subset " : "split ";
    data.subsets().forEach((subset, pairs) -> ItemIntegrity.check(report, "pairs", unit + subset, pairs.stream()
        .map(p -> new ItemIntegrity.Item(List.of(p.s1(), p.s2()), Double.toString(p.score()))).toList()));
    return new StsData(data.name(), data.layout(), data.split(), data.subsets(), report.build());
  }

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
