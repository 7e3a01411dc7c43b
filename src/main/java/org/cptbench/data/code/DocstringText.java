package org.cptbench.data.code;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Docstring text as CodeSearchNet's {@code function_parser} prepares queries: the first paragraph of a docstring
 * (the text before the first blank line), and its tokens (runs of letters/digits/underscores, and each other
 * non-space character on its own).
 */
public final class DocstringText {
  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+|[^\\s\\p{L}\\p{N}_]");
  private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
  private static final Pattern WS = Pattern.compile("\\s+");

  private DocstringText() {}

  /** The text before the first blank line, whitespace runs collapsed to one space, stripped. */
  public static String firstParagraph(String docstring) {
    String s = docstring.replace("\r\n", "\n").strip();
    Matcher m = BLANK_LINE.matcher(s);
    if (m.find()) {
      s = s.substring(0, m.start());
    }
    return WS.matcher(s).replaceAll(" ").strip();
  }

  /** The tokens of a text (see the class comment). */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /**
   * The docstring normalised for near-duplicate detection: first paragraph, HTML tags removed, lower case, only
   * letters and digits kept, separated by one space.
   */
  public static String normalized(String docstring) {
    StringBuilder sb = new StringBuilder();
    String text = HTML_TAG.matcher(firstParagraph(docstring)).replaceAll(" ");
    for (String t : tokens(text.toLowerCase(java.util.Locale.ROOT))) {
      if (Character.isLetterOrDigit(t.codePointAt(0))) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(t);
      }
    }
    return sb.toString();
  }
}
