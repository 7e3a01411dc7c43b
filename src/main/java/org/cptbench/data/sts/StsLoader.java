package org.cptbench.data.sts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cptbench.CptbenchException;

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
      return SemEvalStsFormat.load(folder, names, split);
    }
    if (StsBenchmarkFormat.matches(names)) {
      return StsBenchmarkFormat.load(folder, names, split);
    }
    if (SickFormat.matches(names)) {
      return SickFormat.load(folder, names, split);
    }
    throw new CptbenchException(
        "no sentence-similarity data in " + folder + " (files: " + names + "); supported: " + SUPPORTED);
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
