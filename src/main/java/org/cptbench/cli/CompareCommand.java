package org.cptbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cptbench.stats.Comparison;
import org.cptbench.stats.EvalFolderSamples;
import org.cptbench.stats.PairedBootstrap;
import org.cptbench.stats.TaskSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./harness compare}: paired bootstrap of two configurations' evaluation folders on a task (group). */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare configuration A against B on the same task(s) from their evaluation folders' per-item scores",
      "(per-pair/ for STS: Spearman recomputed per resample; per-query/ for ranking tasks: mean of the metric).",
      "Repeat --a / --b for several seeds (two-level bootstrap: seeds, then items). Prints the effect A - B in",
      "points, its percentile interval, the two-sided bootstrap p-value and the seed spread."
    })
public final class CompareCommand implements Callable<Integer> {
  @Option(names = "--a", required = true, description = "evaluation folder of A (repeat: one per seed)")
  List<Path> a;

  @Option(names = "--b", required = true, description = "evaluation folder of B (repeat: one per seed)")
  List<Path> b;

  @Option(names = "--task", required = true,
      description = "task (repeat: a task group; the effect is the mean of the per-task effects)")
  List<String> tasks;

  @Option(names = "--metric",
      description = "per-query metric of ranking tasks (default: MRR@10 for MS MARCO and code search, else nDCG@10)")
  String metric;

  @Option(names = "--resamples", description = "bootstrap resamples (default 10000, at least 1000)")
  int resamples = PairedBootstrap.DEFAULT_RESAMPLES;

  @Option(names = "--seed", description = "bootstrap seed (default 13)")
  long seed = 13;

  @Option(names = "--confidence", description = "interval coverage (default 0.95)")
  double confidence = PairedBootstrap.DEFAULT_CONFIDENCE;

  @Override
  public Integer call() {
    PairedBootstrap boot;
    try {
      boot = new PairedBootstrap(resamples, seed, confidence);
    } catch (IllegalArgumentException e) {
      throw new org.cptbench.CptbenchException("compare: " + e.getMessage());
    }
    List<TaskSample> samples = new ArrayList<>();
    List<String> metrics = new ArrayList<>();
    for (String t : tasks) {
      String m = metric;
      TaskSample s = EvalFolderSamples.load(a, b, t, m);
      samples.add(s);
      metrics.add(s.a().getFirst() instanceof org.cptbench.stats.SpearmanStatistic ? "spearman"
          : m == null ? EvalFolderSamples.defaultMetric(a, t) : m);
    }
    Comparison c = boot.compare(samples);
    for (int i = 0; i < samples.size(); i++) {
      System.out.printf(Locale.ROOT, "task %s: %s over %d items (%s)%n", samples.get(i).task(), metrics.get(i),
          samples.get(i).items(), samples.get(i).a().getFirst().definition());
    }
    System.out.printf(Locale.ROOT, "A: %.2f (%d seed%s)   B: %.2f (%d seed%s)   [points = metric x 100]%n",
        100 * c.meanA(), a.size(), a.size() == 1 ? "" : "s", 100 * c.meanB(), b.size(), b.size() == 1 ? "" : "s");
    System.out.printf(Locale.ROOT, "effect A - B: %+.2f points, %.0f%% CI [%+.2f, %+.2f], p = %.4g%n",
        100 * c.effect(), 100 * c.confidence(), 100 * c.ciLow(), 100 * c.ciHigh(), c.pValue());
    System.out.printf(Locale.ROOT, "seed spread (sd over seeds, points): A %s, B %s%n", sd(c.seedSpreadA()),
        sd(c.seedSpreadB()));
    System.out.printf(Locale.ROOT, "bootstrap: %d resamples (seed %d%s), SE %.2f points%n", c.resamples(), c.seed(),
        c.undefined() > 0 ? ", " + c.undefined() + " undefined dropped" : "", 100 * c.standardError());
    System.out.println("method: " + c.method());
    return 0;
  }

  private static String sd(double v) {
    return Double.isNaN(v) ? "n/a (one seed)" : String.format(Locale.ROOT, "%.2f", 100 * v);
  }
}
