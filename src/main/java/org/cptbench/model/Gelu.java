package org.cptbench.model;

import java.util.Arrays;
import java.util.Locale;
import org.cptbench.CptbenchException;

/**
 * The GELU of the encoder's MLP (Hendrycks and Gimpel 2016): {@code x * Phi(x)}.
 *
 * <ul>
 *   <li>{@link #ERF}: exact, {@code 0.5 x (1 + erf(x / sqrt 2))}; PyTorch's default {@code gelu}, cptbench's
 *       original encoder, Hugging Face's {@code activation_function: "gelu"};
 *   <li>{@link #TANH}: the tanh approximation {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))} of GPT-2
 *       (OpenAI's {@code gelu}, Hugging Face's {@code "gelu_new"}, PyTorch's {@code gelu(approximate="tanh")}).
 * </ul>
 */
public enum Gelu {
  ERF,
  TANH;

  public static Gelu parse(String key, String value) {
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
