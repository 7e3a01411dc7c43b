package org.cptbench.model;

import java.util.Arrays;
import java.util.Locale;
import org.cptbench.CptbenchException;

/** Self-attention pattern of the encoder. */
public enum Attention {
  /** Each position attends to itself and earlier positions (GPT-like; the cpt paper's encoder). */
  CAUSAL,
  /** Each position attends to every non-padding position. */
  BIDIRECTIONAL;

  public static Attention parse(String key, String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CptbenchException(
          key + ": unknown value '" + value + "'; allowed: " + Arrays.toString(lowerNames()));
    }
  }

  static String[] lowerNames() {
    return Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
  }
}
