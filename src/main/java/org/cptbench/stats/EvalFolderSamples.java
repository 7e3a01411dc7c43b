package org.cptbench.stats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.data.TaskKind;
import org.cptbench.eval.EvalOutput;
import org.cptbench.eval.ItemScoreFiles;
import org.cptbench.eval.PairScores;
import org.cptbench.eval.probe.ProbeItem;

/**
 * Builds a {@link TaskSample} from evaluation folders (one per seed of each configuration) through their per-item
 * files ({@link ItemScoreFiles}): STS tasks from {@code per-pair/} (Spearman recomputed per resample), linear probes
 * from {@code per-item/} (SentEval's cross-validated accuracy, the mean over folds of each fold's accuracy, with
 * test items resampled within their folds: {@link FoldMeanScore}, {@link TaskSample#folded}), retrieval, QA and code
 * search from {@code per-query/} (mean of the metric's per-query values). Every folder must hold the same items: the
 * same pairs with the same gold scores, the same (fold, item) test predictions with the same gold labels (the folds
 * descend from the suite's seed, so every cell of a suite splits alike), or the same query ids.
 */
public final class EvalFolderSamples {
  private EvalFolderSamples() {}

  /**
   * The metric compared when none is named: Spearman for STS; for ranking tasks the main metric the first folder
   * records for the task ({@code mainMetric}, from its catalog card or {@code task.yaml}, see {@link
   * org.cptbench.data.TaskMetadata}), else the main metric the task's catalog card declares, else the default of the
   * kind the folder records (folders without a record: qa when it has AnswerAcc@k, code with CSN-MRR, else
   * retrieval; see {@link TaskKind#defaultMainMetric}); the first metric of the file when the preferred one is
   * absent.
   */
  public static String defaultMetric(List<Path> dirs, String task) {
    Path dir = dirs.getFirst();
    if (ItemScoreFiles.hasPairs(dir, task)) {
      return "spearman";
    }
    if (ItemScoreFiles.hasPerItem(dir, task)) {
      return "accuracy";
    }
    List<String> present = ItemScoreFiles.perQueryMetrics(dir, task);
    EvalOutput.Recorded r = EvalOutput.recorded(dir, task);
    if (r != null && r.mainMetric() != null && (present.contains(r.mainMetric()) || present.isEmpty())) {
      return r.mainMetric();
    }
    TaskKind kind = r != null && r.kind() != null ? r.kind() : kindOfMetrics(present);
    return kind.primaryMetric(task, present);
  }

  /** The kind of a ranking task whose folder records none, by the metrics it has (DPR's and CodeSearchNet's). */
  private static TaskKind kindOfMetrics(List<String> present) {
    if (present.stream().anyMatch(m -> m.startsWith("AnswerAcc@"))) {
      return TaskKind.QA;
    }
    return present.contains(TaskKind.CSN_MRR) ? TaskKind.CODE : TaskKind.RETRIEVAL;
  }

  /**
   * Loads one task.
   *
   * @param metric the per-query metric for ranking tasks (null: {@link #defaultMetric}); STS always uses Spearman,
   *     probes their cross-validated accuracy
   */
  public static TaskSample load(List<Path> a, List<Path> b, String task, String metric) {
    if (a.isEmpty() || b.isEmpty()) {
      throw new CptbenchException("compare: need at least one evaluation folder for each of A and B");
    }
    List<Path> all = new ArrayList<>(a);
    all.addAll(b);
    Path first = all.getFirst();
    if (ItemScoreFiles.hasPairs(first, task)) {
      PairScores ref = ItemScoreFiles.readPairs(first, task);
      List<ItemStatistic> sa = new ArrayList<>();
      List<ItemStatistic> sb = new ArrayList<>();
      for (int k = 0; k < all.size(); k++) {
        Path dir = all.get(k);
        PairScores p = ItemScoreFiles.readPairs(dir, task);
        if (!Arrays.equals(p.gold(), ref.gold())) {
          throw new CptbenchException("compare: " + task + ": the pairs of " + dir + " differ from those of " + first
              + " (gold scores or count); both must be scored on the same split");
        }
        (k < a.size() ? sa : sb).add(new SpearmanStatistic(p.predicted(), p.gold()));
      }
      return TaskSample.seeded(task, sa, sb);
    }
    if (ItemScoreFiles.hasPerItem(first, task)) {
      return probe(a, b, all, task);
    }
    String m = metric == null ? defaultMetric(all, task) : metric;
    if (!ItemScoreFiles.hasPerQuery(first, task)) {
      throw new CptbenchException("compare: no per-item scores of " + task + " in " + first
          + " (expected per-pair/ for STS or per-query/ for ranking tasks)");
    }
    List<String> ids = null;
    List<ItemStatistic> sa = new ArrayList<>();
    List<ItemStatistic> sb = new ArrayList<>();
    for (int k = 0; k < all.size(); k++) {
      Path dir = all.get(k);
      LinkedHashMap<String, Double> q = ItemScoreFiles.readPerQuery(dir, task, m);
      if (ids == null) {
        ids = List.copyOf(q.keySet());
      } else if (!q.keySet().equals(new java.util.HashSet<>(ids))) {
        throw new CptbenchException("compare: " + task + ": the queries of " + dir + " (" + q.size()
            + ") differ from those of " + first + " (" + ids.size() + ")");
      }
      double[] v = new double[ids.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = q.get(ids.get(i));
      }
      (k < a.size() ? sa : sb).add(new MeanScore(v));
    }
    return TaskSample.seeded(task, sa, sb);
  }

  /**
   * A probe task: items ordered by (fold, index) as in the first folder; each folder's correctness per item, aligned
   * by (fold, index), never by line.
   */
  private static TaskSample probe(List<Path> a, List<Path> b, List<Path> all, String task) {
    Path first = all.getFirst();
    List<ProbeItem> ref = new ArrayList<>(ItemScoreFiles.readPerItem(first, task));
    ref.sort(java.util.Comparator.comparingInt(ProbeItem::fold).thenComparingInt(ProbeItem::index));
    Map<Long, Integer> position = new HashMap<>();
    int[] folds = new int[ref.size()];
    for (int i = 0; i < ref.size(); i++) {
      position.put(key(ref.get(i)), i);
      folds[i] = ref.get(i).fold();
    }
    List<ItemStatistic> sa = new ArrayList<>();
    List<ItemStatistic> sb = new ArrayList<>();
    for (int k = 0; k < all.size(); k++) {
      Path dir = all.get(k);
      List<ProbeItem> items = ItemScoreFiles.readPerItem(dir, task);
      if (items.size() != ref.size()) {
        throw new CptbenchException("compare: " + task + ": " + dir + " has " + items.size() + " probe test items, "
            + first + " " + ref.size() + "; both must be scored with the same folds");
      }
      double[] correct = new double[ref.size()];
      for (ProbeItem it : items) {
        Integer at = position.get(key(it));
        if (at == null || ref.get(at).gold() != it.gold()) {
          throw new CptbenchException("compare: " + task + ": item " + it.index() + " of fold " + it.fold() + " in "
              + dir + (at == null ? " is not a test item of that fold in " : " has another gold label than in ")
              + first + "; both must be scored with the same folds (the same eval seed and folds)");
        }
        correct[at] = it.correct() ? 1 : 0;
      }
      (k < a.size() ? sa : sb).add(new FoldMeanScore(correct, folds));
    }
    return TaskSample.folded(task, sa, sb, folds);
  }

  private static long key(ProbeItem it) {
    return ((long) it.fold() << 32) | it.index();
  }
}
