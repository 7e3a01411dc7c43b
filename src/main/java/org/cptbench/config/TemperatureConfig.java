package org.cptbench.config;

import org.cptbench.CptbenchException;
import org.cptbench.train.Temperature;

/**
 * A temperature as users write it: {@code {learned: 0.07}} (trainable, initial softmax temperature 0.07, i.e. tau
 * = ln(1/0.07)), {@code {fixed: 0.05}}, optionally {@code clamp: false} and {@code learningRate: 0.005}; or the
 * strings {@code learned:0.07} /
 * {@code fixed:0.05} on the command line.
 */
public final class TemperatureConfig {
  private TemperatureConfig() {}

  public static Temperature parse(ConfigNode n) {
    n.allowOnly("learned", "fixed", "clamp", "learningRate");
    if (n.has("learned") == n.has("fixed")) {
      throw new CptbenchException(
          n.source() + ": " + n.path() + ": give exactly one of learned: T or fixed: T (T = softmax temperature)");
    }
    if (n.has("learned")) {
      Temperature t = Temperature.learnedFromT(n.getDouble("learned", 0.07));
      return new Temperature(true, t.tau(), n.getBoolean("clamp", true), n.getDouble("learningRate", 0));
    }
    return Temperature.fixedT(n.getDouble("fixed", 0.07));
  }

  /** {@code learned:0.07}, {@code fixed:0.05}, or {@code learned} (default 0.07). */
  public static Temperature parse(String option, String s) {
    String[] parts = s.trim().split("[:=]", 2);
    try {
      double t = parts.length > 1 ? Double.parseDouble(parts[1]) : 0.07;
      return switch (parts[0]) {
        case "learned" -> Temperature.learnedFromT(t);
        case "fixed" -> Temperature.fixedT(t);
        default -> throw new NumberFormatException();
      };
    } catch (NumberFormatException e) {
      throw new CptbenchException(option + ": '" + s + "' is not a temperature; allowed: learned:T or fixed:T");
    }
  }
}
