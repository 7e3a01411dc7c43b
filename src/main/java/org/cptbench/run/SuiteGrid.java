package org.cptbench.run;

import java.util.ArrayList;
import java.util.List;
import org.cptbench.config.CellParams;
import org.cptbench.config.ClaimSpec;
import org.cptbench.config.Expectation;
import org.cptbench.config.SuiteSpec;

/**
 * The cells of a suite: the cartesian product of its sweep ({@link org.cptbench.config.SweepAxis}, in that order),
 * each with its id. Checkpoints beyond a cell's step budget are dropped; its last step is always a checkpoint.
 * Every {@code expect} and {@code claims} selector must select at least one cell.
 */
public final class SuiteGrid {
  private SuiteGrid() {}

  public static List<CellSpec> expand(SuiteSpec suite, String context) {
    List<CellParams> params = suite.cells();
    for (Expectation e : suite.expect()) {
      e.requireSomeCell(params);
    }
    for (ClaimSpec c : suite.claims()) {
      c.requireSomeCell(params);
    }
    List<CellSpec> cells = new ArrayList<>();
    for (CellParams p : params) {
      cells.add(CellSpec.of(p, suite.train(), suite.corpus(), context, pretrainIdentity(suite, p)));
    }
    return cells;
  }

  /**
   * What determines the pre-trained weights of a cell with {@code init: pretrained}: the stage's settings for the
   * cell's encoder shape and its corpus (the stage folder adds the corpus text's hash); null for other cells.
   */
  static String pretrainIdentity(SuiteSpec suite, CellParams p) {
    if (!p.init().pretrained()) {
      return null;
    }
    var pre = suite.pretrain();
    var enc = p.encoder();
    return org.cptbench.util.Json.compact(java.util.Map.of(
        "encoder", org.cptbench.model.Checkpoint.specJson(enc),
        "pretrain", pre.lmFor(enc.maxTokens()).toJson(),
        "corpus", pre.corpus().corpus(),
        "tokenizerChars", pre.corpus().tokenizerChars()));
  }
}
