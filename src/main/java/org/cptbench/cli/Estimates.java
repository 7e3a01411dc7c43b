package org.cptbench.cli;

import java.util.List;
import org.cptbench.data.TaskKind;
import org.cptbench.data.catalog.Catalog;
import org.cptbench.data.catalog.DatasetCard;
import org.cptbench.run.CellSpec;

/**
 * Rough time estimates for {@code run --dry-run}: training at ~120 GFLOP/s effective (3x forward FLOPs of 2M
 * sequences per step, about what the tiny and small presets reach on 2 cores, x4/3 with GradCache), and a fixed
 * cost per task evaluation at each checkpoint: 15 s for a linear probe, 3 s for a task its catalog card calls
 * retrieval (a 5,000-passage corpus), 2 s for any other.
 */
final class Estimates {
  private static final double TRAIN_FLOPS_PER_S = 120e9;

  private Estimates() {}

  static double cellSeconds(
      CellSpec c, List<String> tasks, java.util.Set<String> probes, boolean probesAtFinalOnly) {
    double perStep = 2.0 * c.train().batchSize() * 3 * c.encoder().forwardFlopsPerSequence(c.encoder().maxTokens());
    if (c.train().gradCache()) {
      perStep *= 4.0 / 3;
    }
    double train = c.train().steps() * perStep / TRAIN_FLOPS_PER_S;
    double eval = 0;
    int checkpoints = c.train().checkpoints().size();
    for (String t : tasks) {
      boolean probe = probes.contains(t);
      double each = probe ? 15 : catalogedRetrieval(t) ? 3 : 2;
      eval += each * (probe && probesAtFinalOnly ? 1 : checkpoints);
    }
    return train + eval;
  }

  private static boolean catalogedRetrieval(String task) {
    DatasetCard card = Catalog.builtin().find(task);
    return card != null && card.kind().taskKind() == TaskKind.RETRIEVAL;
  }
}
