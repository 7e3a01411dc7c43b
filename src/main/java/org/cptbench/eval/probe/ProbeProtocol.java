package org.cptbench.eval.probe;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.cptbench.CptbenchException;

/**
 * SentEval's two classifier paths ({@code facebookresearch/SentEval}, {@code senteval/tools/validation.py}), same
 * splits, different classifier and penalty search.
 */
public enum ProbeProtocol {
  /**
   * {@code usepytorch=False}: scikit-learn's {@code LogisticRegression(C)} (lbfgs), {@code C} from
   * {0.25, ..., 8} (TREC, MRPC: {0.5, ..., 32}); see {@link LinearProbe}.
   */
  SENTEVAL_SKLEARN("senteval-sklearn"),
  /**
   * {@code usepytorch=True}, {@code nhid=0}: logistic regression trained with Adam on mini-batches of 64, early
   * stopping on a held-out part of the training data, L2 penalty (weight decay) from {1e-5, 1e-4, 1e-3, 1e-2};
   * see {@link AdamLogisticRegression}. The path SentEval's README recommends.
   */
  SENTEVAL_PYTORCH("senteval-pytorch");

  private final String id;

  ProbeProtocol(String id) {
    this.id = id;
  }

  /** The name used in options and result files. */
  public String id() {
    return id;
  }

  /**
   * The protocol named {@code id}.
   *
   * @throws CptbenchException naming the value and the allowed ones
   */
  public static ProbeProtocol parse(String id) {
    String s = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    for (ProbeProtocol p : values()) {
      if (p.id.equals(s)) {
        return p;
      }
    }
    throw new CptbenchException("probe protocol '" + id + "' is not known; allowed: " + allowed());
  }

  /** {@code senteval-sklearn | senteval-pytorch}. */
  public static String allowed() {
    return Arrays.stream(values()).map(ProbeProtocol::id).collect(Collectors.joining(" | "));
  }
}
