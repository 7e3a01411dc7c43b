package org.cptbench.eval.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.cptbench.CptbenchException;

/**
 * Choosing {@code C} on held-out data as SentEval does: each candidate gets a score, {@code round(100 * acc, 2)}
 * (acc = mean accuracy over inner folds, or dev accuracy), and the first candidate with the highest score wins
 * ({@code regs[np.argmax(scores)]}).
 */
final class PenaltySelection {
  private PenaltySelection() {}

  /**
   * The chosen penalty.
   *
   * @param index position of the chosen {@code C} in the grid
   * @param c the chosen {@code C}
   * @param accuracy unrounded validation accuracy of the chosen {@code C} (fraction)
   * @param model the model fitted for the chosen {@code C} on the training data (dev selection only), or null
   */
  record Choice(int index, double c, double accuracy, LinearProbe model) {}

  /** Chooses {@code C} by stratified k-fold cross-validation on {@code (x, y)}. */
  static Choice byKFold(double[][] x, int[] y, PenaltyGrid grid, ProbeOptions opt, ExecutorService pool) {
    List<StratifiedFolds.Fold> folds = StratifiedFolds.split(y, opt.folds(), opt.seed());
    List<Callable<Double>> tasks = new ArrayList<>();
    for (int g = 0; g < grid.size(); g++) {
      double c = grid.get(g);
      for (StratifiedFolds.Fold f : folds) {
        tasks.add(
            () ->
                LinearProbe.fitChecked(Features.rows(x, f.train()), Features.labels(y, f.train()), c, opt)
                    .accuracy(Features.rows(x, f.test()), Features.labels(y, f.test())));
      }
    }
    List<Double> acc = runAll(tasks, pool);
    double[] mean = new double[grid.size()];
    for (int g = 0; g < grid.size(); g++) {
      double sum = 0;
      for (int f = 0; f < folds.size(); f++) {
        sum += acc.get(g * folds.size() + f);
      }
      mean[g] = sum / folds.size();
    }
    int best = argmaxRounded(mean);
    return new Choice(best, grid.get(best), mean[best], null);
  }

  /** Chooses {@code C} by accuracy on a dev set; keeps the winning model (fitted on the training data). */
  static Choice byDev(
      double[][] x, int[] y, double[][] xDev, int[] yDev, PenaltyGrid grid, ProbeOptions opt, ExecutorService pool) {
    List<Callable<LinearProbe>> tasks = new ArrayList<>();
    for (int g = 0; g < grid.size(); g++) {
      double c = grid.get(g);
      tasks.add(() -> LinearProbe.fitChecked(x, y, c, opt));
    }
    List<LinearProbe> models = runAll(tasks, pool);
    double[] acc = new double[grid.size()];
    for (int g = 0; g < grid.size(); g++) {
      acc[g] = models.get(g).accuracy(xDev, yDev);
    }
    int best = argmaxRounded(acc);
    return new Choice(best, grid.get(best), acc[best], models.get(best));
  }

  /** First index of the largest {@code round(100 * a, 2)}. */
  static int argmaxRounded(double[] accuracies) {
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < accuracies.length; i++) {
      double s = ProbeResult.round2(100 * accuracies[i]);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return best;
  }

  /** A fixed pool of {@code opt.threads()} daemon threads, or null for one thread (run in the caller). */
  static ExecutorService pool(ProbeOptions opt) {
    if (opt.threads() == 1) {
      return null;
    }
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        opt.threads(),
        r -> {
          Thread t = new Thread(r, "probe-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** Runs the tasks (in the pool, or here when it is null) and returns their results in task order. */
  static <T> List<T> runAll(List<Callable<T>> tasks, ExecutorService pool) {
    List<T> out = new ArrayList<>(tasks.size());
    try {
      if (pool == null) {
        for (Callable<T> t : tasks) {
          out.add(t.call());
        }
      } else {
        for (Future<T> f : pool.invokeAll(tasks)) {
          out.add(f.get());
        }
      }
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CptbenchException("linear probe interrupted", e);
    } catch (Exception e) {
      throw unwrap(e);
    }
    return out;
  }

  private static RuntimeException unwrap(Throwable t) {
    if (t instanceof RuntimeException re) {
      return re;
    }
    if (t instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(t);
  }
}
