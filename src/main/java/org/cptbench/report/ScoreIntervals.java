package org.cptbench.report;

import org.cptbench.data.TaskKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.stats.EvalFolderSamples;
import org.cptbench.stats.ScoreBootstrap;
import org.cptbench.stats.TaskSample;

/**
 * The error bars of the report's charts, x100, for a configuration's measure ({@link Scores}) at a step:
 *
 * <ul>
 *   <li>several seeds with the score: the seed mean -+ the sample standard deviation over seeds ({@link MeanStd});
 *   <li>one seed: the 95 % percentile bootstrap interval over test items ({@link ScoreBootstrap}, {@value #RESAMPLES}
 *       resamples, seeded by the suite's seed) from the cell's per-item files, every task of an average resampled
 *       independently, probe items within their folds;
 *   <li>none when the per-item files are missing (runs made before they existed).
 * </ul>
 */
final class ScoreIntervals {
  static final int RESAMPLES = 1000;

  /** An error bar, x100; {@code overSeeds} when it is the seed spread, else a bootstrap interval over items. */
  record Bar(double low, double high, boolean overSeeds) {}

  private final Path runDir;
  private final Scores scores;
  private final long seed;
  private final Map<String, Bar> memo = new HashMap<>();
  private int seedBars;
  private int itemBars;

  ScoreIntervals(Path runDir, Scores scores, long seed) {
    this.runDir = runDir;
    this.scores = scores;
    this.seed = seed;
  }

  /** No error bars at all. */
  static ScoreIntervals none(Scores scores) {
    return new ScoreIntervals(null, scores, 0);
  }

  /** The bar of a measure, or null when there is none. */
  Bar at(Config c, int step, String measure) {
    String key = Scores.key(c) + "\u0000" + step + "\u0000" + measure;
    Bar bar = memo.containsKey(key) ? memo.get(key) : compute(c, step, measure);
    memo.put(key, bar);
    if (bar != null) {
      if (bar.overSeeds()) {
        seedBars++;
      } else {
        itemBars++;
      }
    }
    return bar;
  }

  /** Forgets which bars were shown (call before each chart, then {@link #caption()} after it). */
  void reset() {
    seedBars = 0;
    itemBars = 0;
  }

  /** A caption sentence on the bars shown since {@link #reset()}. */
  String caption() {
    if (seedBars == 0 && itemBars == 0) {
      return " No error bars (one seed and no per-item files).";
    }
    List<String> parts = new ArrayList<>();
    if (seedBars > 0) {
      parts.add("mean -+ one sample standard deviation over seeds");
    }
    if (itemBars > 0) {
      parts.add("with one seed, the 95 % bootstrap interval over test items (" + RESAMPLES + " resamples)");
    }
    return " Error bars: " + String.join("; ", parts) + ".";
  }

  private Bar compute(Config c, int step, String measure) {
    MeanStd v = scores.at(c, step, measure);
    if (!v.present()) {
      return null;
    }
    if (v.n() > 1 && !Double.isNaN(v.std())) {
      return new Bar(v.mean() - v.std(), v.mean() + v.std(), true);
    }
    if (runDir == null) {
      return null;
    }
    List<Results.Cell> cells =
        scores.results().cells().values().stream().filter(cell -> cell.config().equals(c)).toList();
    if (cells.size() != 1) {
      return null;
    }
    Path dir = runDir.resolve("cells").resolve(cells.getFirst().id()).resolve("evals").resolve("step-" + step);
    if (!Files.isDirectory(dir)) {
      return null;
    }
    List<ScoreBootstrap.Task> tasks = new ArrayList<>();
    try {
      for (Results.Task t : tasksOf(measure)) {
        TaskSample s = EvalFolderSamples.load(List.of(dir), List.of(dir), t.name(), t.primaryMetric());
        tasks.add(new ScoreBootstrap.Task(s.a().getFirst(), s.strata()));
      }
      if (tasks.isEmpty()) {
        return null;
      }
      ScoreBootstrap.Interval i = new ScoreBootstrap(RESAMPLES, seed, 0.95).interval(tasks);
      return new Bar(100 * i.low(), 100 * i.high(), false);
    } catch (CptbenchException | IllegalArgumentException e) {
      return null; // no (or unreadable) per-item files: the point is drawn without a bar
    }
  }

  private List<Results.Task> tasksOf(String measure) {
    List<Results.Task> out = new ArrayList<>();
    for (Results.Task t : scores.results().tasks().values()) {
      boolean member =
          switch (measure) {
            case Scores.PROBE_AVG -> t.kind() == TaskKind.PROBE;
            case Scores.STS_AVG -> t.kind() == TaskKind.STS;
            case Scores.SEARCH_AVG -> t.kind().isSearch();
            default -> Scores.taskMeasure(t).equals(measure);
          };
      if (member) {
        out.add(t);
      }
    }
    return out;
  }
}
