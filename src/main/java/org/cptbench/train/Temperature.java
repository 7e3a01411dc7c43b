package org.cptbench.train;

import org.cptbench.CptbenchException;

/**
 * The temperature of the contrastive loss, parameterised as in the cpt paper and CLIP: logits = cos * exp(tau).
 *
 * @param learned whether tau is a trainable parameter (else fixed at {@code tau})
 * @param tau initial (or fixed) value of tau; default ln(1/0.07) = 2.6593, i.e. a logit scale of 1/0.07
 * @param clamp when learned, clamp exp(tau) at {@value #MAX_SCALE} after each optimizer step (CLIP's rule)
 * @param learningRate AdamW learning rate of tau (0 = the model's schedule); a scalar moves by about this much per
 *     step, so short runs may need a larger one for the temperature to move at all
 */
public record Temperature(boolean learned, double tau, boolean clamp, double learningRate) {
  public static final double MAX_SCALE = 100.0;
  public static final double DEFAULT_TAU = Math.log(1 / 0.07);

  public Temperature {
    if (!Double.isFinite(tau)) {
      throw new CptbenchException("temperature: tau must be finite, got " + tau);
    }
    if (learningRate < 0 || learningRate > 1) {
      throw new CptbenchException("temperature.learningRate: " + learningRate + " must be in [0, 1] (0 = model's)");
    }
    if (Math.exp(tau) > 1e6) {
      throw new CptbenchException("temperature: exp(tau) = " + Math.exp(tau) + " is too large (tau=" + tau + ")");
    }
  }

  public static Temperature learnedDefault() {
    return new Temperature(true, DEFAULT_TAU, true, 0);
  }

  /** A learned temperature whose initial value is given as the softmax temperature t (tau = ln(1/t)). */
  public static Temperature learnedFromT(double t) {
    checkT(t);
    return new Temperature(true, Math.log(1 / t), true, 0);
  }

  /** A fixed temperature given as the softmax temperature t (logit scale 1/t). */
  public static Temperature fixedT(double t) {
    checkT(t);
    return new Temperature(false, Math.log(1 / t), false, 0);
  }

  private static void checkT(double t) {
    if (!(t > 0) || t > 100) {
      throw new CptbenchException("temperature: t must be in (0, 100], got " + t);
    }
  }

  /** The maximum tau allowed when clamping: ln(100). */
  public static double maxTau() {
    return Math.log(MAX_SCALE);
  }

  /** Short label for tables: {@code learned(0.07)} or {@code fixed(0.05)}. */
  public String label() {
    String t = new java.math.BigDecimal(Math.exp(-tau)).round(new java.math.MathContext(3)).stripTrailingZeros()
        .toPlainString();
    return (learned ? "learned(" : "fixed(") + t + ")";
  }
}
