package org.cptbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.nio.file.Path;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.model.GradMode;

/**
 * Training produced a non-finite value (loss, gradient norm, tau or a weight): the run stops before the step's
 * update reaches a checkpoint. The message names the step, the quantity, its value and what to try; {@link
 * #withLastGood} adds where the run can be resumed from.
 */
public final class TrainingDiverged extends CptbenchException {
  private static final long serialVersionUID = 1L;

  private final int step;
  private final String quantity;
  private final double value;

  public TrainingDiverged(int step, String quantity, double value, String advice) {
    this(message(step, quantity, value, advice), step, quantity, value);
  }

  private TrainingDiverged(String message, int step, String quantity, double value) {
    super(message);
    this.step = step;
    this.quantity = quantity;
    this.value = value;
  }

  private static String message(int step, String quantity, double value, String advice) {
    return "training diverged at step " + step + ": " + quantity + " is " + value + "; " + advice;
  }

  /** The step whose value was not finite. */
  public int step() {
    return step;
  }

  /** What was not finite ({@code loss}, {@code gradient norm}, {@code tau}, {@code weight <name>}). */
  public String quantity() {
    return quantity;
  }

  public double value() {
    return value;
  }

  /**
   * The same error, naming the last good checkpoint ({@code lastGood} null: none was written, the run must start
   * over) so that the user knows what a re-run with other settings resumes from.
   */
  public TrainingDiverged withLastGood(Path lastGood, int lastGoodStep) {
    String where =
        lastGood == null
            ? " No checkpoint was written before the divergence."
            : " The last good checkpoint (step " + lastGoodStep + ") is kept: " + lastGood + ".";
    return new TrainingDiverged(getMessage() + where, step, quantity, value);
  }

  /** Throws at {@code step} if any of the {@code weights} is not finite (checked before a checkpoint is written). */
  static void requireFinite(Map<String, NDArray> weights, int step, String advice) {
    try (NDScope scope = new NDScope();
        GradMode off = GradMode.disabled()) {
      for (Map.Entry<String, NDArray> e : weights.entrySet()) {
        float largest = e.getValue().abs().max().getFloat();
        if (!Float.isFinite(largest)) {
          throw new TrainingDiverged(step, "the largest |weight| of " + e.getKey(), largest, advice);
        }
      }
    }
  }
}
