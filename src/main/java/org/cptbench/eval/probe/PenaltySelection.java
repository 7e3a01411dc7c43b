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
  record Choice(int index, double c, double accuracy, FittedProbe model) {}

  /**
   * Chooses {@code C} by stratified k-fold cross-validation on {@code (x, y)}. Within each fold the candidates are
   * fitted in grid order on one {@link TrainingSet}, each starting from the previous candidate's weights (a warm
   * start; the optimum reached does not depend on the start, only the number of iterations does).
   */
  static Choice byKFold(double[][] x, int[] y, PenaltyGrid grid, ProbeOptions opt, ExecutorService pool) {
    List<StratifiedFolds.Fold> folds = StratifiedFolds.split(y, opt.folds(), opt.seed());
    if (opt.protocol() == ProbeProtocol.SENTEVAL_PYTORCH) {
      return byKFoldAdam(x, y, folds, grid, opt, pool);
    }
    List<Callable<double[]>> tasks = new ArrayList<>();
    for (StratifiedFolds.Fold f : folds) {
      tasks.add(
          () -> {
            TrainingSet train = TrainingSet.of(Features.rows(x, f.train()), Features.labels(y, f.train()), opt);
            double[][] xTest = Features.rows(x, f.test());
            int[] yTest = Features.labels(y, f.test());
            double[] acc = new double[grid.size()];
            LinearProbe previous = null;
            for (int g = 0; g < grid.size(); g++) {
              previous = LinearProbe.fit(train, grid.get(g), opt, previous);
              acc[g] = previous.accuracy(xTest, yTest);
            }
            return acc;
          });
    }
    List<double[]> acc = runAll(tasks, pool);
    double[] mean = new double[grid.size()];
    for (int g = 0; g < grid.size(); g++) {
      double sum = 0;
      for (double[] foldAcc : acc) {
        sum += foldAcc[g];
      }
      mean[g] = sum / folds.size();
    }
    int best = argmaxRounded(mean);
    return new Choice(best, grid.get(best), mean[best], null);
  }

  /**
   * The PyTorch path: for every penalty and fold, a fit early-stopped on that fold's test part (SentEval's {@code
   * validation_data}), scored on the same part.
   */
  private static Choice byKFoldAdam(
      double[][] x,
      int[] y,
      List<StratifiedFolds.Fold> folds,
      PenaltyGrid grid,
      ProbeOptions opt,
      ExecutorService pool) {
    List<Callable<Double>> tasks = new ArrayList<>();
    for (int g = 0; g < grid.size(); g++) {
      double reg = grid.get(g);
      for (StratifiedFolds.Fold f : folds) {
        tasks.add(
            () -> {
              double[][] xTest = Features.rows(x, f.test());
              int[] yTest = Features.labels(y, f.test());
              return AdamLogisticRegression.fit(
                      Features.rows(x, f.train()), Features.labels(y, f.train()), xTest, yTest, reg, opt.seed())
                  .accuracy(xTest, yTest);
            });
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

  /**
   * The final model of a k-fold protocol for the chosen penalty on all of {@code (x, y)}: scikit-learn path a
   * {@link LinearProbe}; PyTorch path an {@link AdamLogisticRegression} early-stopped on a random 5 % of the rows.
   */
  static FittedProbe refit(double[][] x, int[] y, double penalty, ProbeOptions opt) {
    return opt.protocol() == ProbeProtocol.SENTEVAL_PYTORCH
        ? AdamLogisticRegression.fitWithSplit(x, y, penalty, opt.seed())
        : LinearProbe.fitChecked(x, y, penalty, opt);
  }

  /**
   * Chooses the penalty by accuracy on a dev set; keeps the winning model (fitted on the training data; PyTorch
   * path: early-stopped on the dev set, as SentEval's {@code SplitClassifier}, whose refit repeats the same seeded
   * fit).
   */
  static Choice byDev(
      double[][] x, int[] y, double[][] xDev, int[] yDev, PenaltyGrid grid, ProbeOptions opt, ExecutorService pool) {
    List<Callable<FittedProbe>> tasks = new ArrayList<>();
    if (opt.protocol() == ProbeProtocol.SENTEVAL_PYTORCH) {
      for (int g = 0; g < grid.size(); g++) {
        double reg = grid.get(g);
        tasks.add(() -> AdamLogisticRegression.fit(x, y, xDev, yDev, reg, opt.seed()));
      }
    } else {
      TrainingSet train = TrainingSet.of(x, y, opt);
      for (int g = 0; g < grid.size(); g++) {
        double c = grid.get(g);
        tasks.add(() -> LinearProbe.fit(train, c, opt, null));
      }
    }
    List<FittedProbe> models = runAll(tasks, pool);
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
