package org.cptbench.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cptbench.CptbenchException;
import org.cptbench.data.LoadReport;

/**
 * What a task's loader found wrong with its files ({@link LoadReport}: judged documents missing from the corpus,
 * judged queries missing from the queries file, judged queries without a relevant document, and for STS and
 * SentEval sets empty texts and duplicate items, see {@link org.cptbench.data.ItemIntegrity}). The counts and warnings
 * go to the evaluation's {@code details.json} ({@code counts}, {@code warnings}); this prints each warning once per
 * process on standard error (a suite evaluating many checkpoints of one task prints it once) or, with {@link
 * EvalOptions#strict()} ({@code eval --strict}), turns them into an error naming the folder and every finding,
 * before anything is embedded.
 */
public final class DataIntegrity {
  private static final Set<String> PRINTED = ConcurrentHashMap.newKeySet();

  private DataIntegrity() {}

  /** Reviews a loader's report before the evaluation runs. */
  public static void review(String task, Path folder, LoadReport report, boolean strict) {
    review(task, folder, report.warnings(), strict);
  }

  /** Reviews the warnings of a task; strict: an error naming the folder and the findings. */
  public static void review(String task, Path folder, List<String> warnings, boolean strict) {
    if (warnings.isEmpty()) {
      return;
    }
    if (strict) {
      throw new CptbenchException(
          folder + ": data integrity check failed (--strict) for task " + task + ": " + String.join("; ", warnings)
              + "; fix the files or run without --strict to evaluate anyway");
    }
    for (String w : warnings) {
      String line = "warning: " + task + " (" + folder + "): " + w;
      if (PRINTED.add(line)) {
        System.err.println(line);
      }
    }
  }
}
