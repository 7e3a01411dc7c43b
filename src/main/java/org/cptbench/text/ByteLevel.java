package org.cptbench.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPT-2 byte-level pre-tokenisation, exactly as the {@code ByteLevel} pre-tokenizer of HuggingFace
 * {@code tokenizers} (with {@code add_prefix_space=false, use_regex=true}) and OpenAI's {@code encoder.py}:
 *
 * <ol>
 *   <li>split the text with the GPT-2 pattern {@value #GPT2_PATTERN} (every character ends up in exactly one
 *       piece; {@code \s} is Unicode White_Space, {@code \p{L}} letters, {@code \p{N}} numbers);
 *   <li>encode each piece as UTF-8 and map every byte to one printable character with {@link #byteToChar}
 *       ({@code bytes_to_unicode}: the 188 bytes {@code '!'..'~', '¡'..'¬', '®'..'ÿ'} map to themselves, the other
 *       68 bytes map in increasing order to U+0100, U+0101, ...; so a space becomes {@code 'Ġ'} = U+0120).
 * </ol>
 */
public final class ByteLevel {
  /** The GPT-2 split pattern (OpenAI encoder.py, HF {@code ByteLevel}). */
  public static final String GPT2_PATTERN =
      "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

  /**
   * The compiled pattern. {@link Pattern#UNICODE_CHARACTER_CLASS} makes {@code \s} the Unicode White_Space set (as
   * in Python's {@code regex} and Oniguruma), not only ASCII whitespace.
   */
  private static final Pattern SPLIT = Pattern.compile(GPT2_PATTERN, Pattern.UNICODE_CHARACTER_CLASS);

  private static final char[] BYTE_TO_CHAR = new char[256];
  private static final int[] CHAR_TO_BYTE = new int[512];

  static {
    java.util.Arrays.fill(CHAR_TO_BYTE, -1);
    boolean[] printable = new boolean[256];
    for (int b = '!'; b <= '~'; b++) {
      printable[b] = true;
    }
    for (int b = 0xA1; b <= 0xAC; b++) {
      printable[b] = true;
    }
    for (int b = 0xAE; b <= 0xFF; b++) {
      printable[b] = true;
    }
    int next = 0;
    for (int b = 0; b < 256; b++) {
      char c = printable[b] ? (char) b : (char) (256 + next++);
      BYTE_TO_CHAR[b] = c;
      CHAR_TO_BYTE[c] = b;
    }
  }

  private ByteLevel() {}

  /** {@code bytes_to_unicode()[b]} for a byte value {@code 0 <= b < 256}. */
  public static char byteToChar(int b) {
    return BYTE_TO_CHAR[b & 0xFF];
  }

  /** The byte a byte-level character stands for, or -1 when {@code c} is not one of the 256 characters. */
  public static int charToByte(char c) {
    return c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
  }

  /**
   * {@code text} with every unpaired UTF-16 surrogate replaced by U+FFFD, so that it has a UTF-8 form (Rust strings,
   * and so the HF tokenizer, cannot hold lone surrogates; DJL would pass garbage bytes for them).
   */
  public static String replaceLoneSurrogates(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lone =
          Character.isHighSurrogate(c)
              ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
              : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
      if (lone && sb == null) {
        sb = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (sb != null) {
        sb.append(lone ? '\uFFFD' : c);
      }
    }
    return sb == null ? text : sb.toString();
  }

  /**
   * The GPT-2 pre-tokens of {@code text}, as raw (not byte-mapped) substrings, in order; they concatenate to it.
   * Callers replace lone surrogates first ({@link #replaceLoneSurrogates}).
   */
  public static List<String> split(String text) {
    List<String> pieces = new ArrayList<>();
    Matcher m = SPLIT.matcher(text);
    while (m.find()) {
      pieces.add(m.group());
    }
    return pieces;
  }

  /** The byte-level string of a raw piece: its UTF-8 bytes mapped with {@link #byteToChar}. */
  public static String toByteString(String piece) {
    byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
    char[] out = new char[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = BYTE_TO_CHAR[bytes[i] & 0xFF];
    }
    return new String(out);
  }

  /**
   * The raw bytes of a byte-level string (inverse of {@link #toByteString}).
   *
   * @throws IllegalArgumentException if a character is not one of the 256 byte characters
   */
  public static byte[] toBytes(String byteString) {
    byte[] out = new byte[byteString.length()];
    for (int i = 0; i < out.length; i++) {
      int b = charToByte(byteString.charAt(i));
      if (b < 0) {
        throw new IllegalArgumentException(
            "character U+" + Integer.toHexString(byteString.charAt(i)) + " is not a byte-level character");
      }
      out[i] = (byte) b;
    }
    return out;
  }
}
