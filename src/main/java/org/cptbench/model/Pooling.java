package org.cptbench.model;

import java.util.Arrays;
import java.util.Locale;
import org.cptbench.CptbenchException;

/** How a sequence of last-layer hidden states becomes one embedding. */
public enum Pooling {
  /** The hidden state at the end delimiter ([EOS]), as in the cpt paper. */
  EOS,
  /** The mean of the hidden states of all non-padding positions (delimiters included). */
  MEAN;

  public static Pooling parse(String key, String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CptbenchException(
          key
              + ": unknown value '"
              + value
              + "'; allowed: "
              + Arrays.toString(
                  Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toArray()));
    }
  }
}
