package org.cptbench.data.builtin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text of a Javadoc comment, and its first sentence (CodeSearchNet's {@code docstring_summary} for Java).
 *
 * <p>Description: the comment without {@code /**}, <code>*&#47;</code> and leading {@code *}s, cut before the first
 * block tag ({@code @param}, {@code @return}, ... at the start of a line). Inline tags become their text:
 * {@code {@code x}} and {@code {@literal x}} -> {@code x}; {@code {@link A#b(int) label}} -> {@code label}, without
 * a label -> {@code A.b(int)} ({@code #b} -> {@code b}); {@code {@inheritDoc}} -> nothing. HTML tags are removed and
 * the five common entities decoded; whitespace is collapsed.
 *
 * <p>First sentence (the javadoc tool's rule without a BreakIterator): the text up to and including the first
 * {@code .}, {@code ?} or {@code !} that is followed by whitespace or the end, not counting the abbreviations
 * "e.g." and "i.e.".
 */
public final class JavadocText {
  private static final Pattern BLOCK_TAG = Pattern.compile("(?m)^\\s*@[a-zA-Z]+");
  private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
  private static final Pattern WS = Pattern.compile("\\s+");

  private JavadocText() {}

  /** The description of a raw {@code /** ... *&#47;} comment as plain text (see the class comment). */
  public static String description(String comment) {
    String body = comment;
    if (body.startsWith("/**")) {
      body = body.substring(3);
    }
    if (body.endsWith("*/")) {
      body = body.substring(0, body.length() - 2);
    }
    StringBuilder sb = new StringBuilder();
    for (String line : body.split("\n", -1)) {
      sb.append(line.replaceFirst("^\\s*\\*+", "")).append('\n');
    }
    String text = sb.toString();
    Matcher tag = BLOCK_TAG.matcher(text);
    if (tag.find()) {
      text = text.substring(0, tag.start());
    }
    return WS.matcher(inlineTags(text)).replaceAll(" ").strip();
  }

  /** The first sentence of the description (empty when there is none). */
  public static String summary(String comment) {
    return firstSentence(description(comment));
  }

  public static String firstSentence(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '.' || c == '?' || c == '!') && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
        String upTo = text.substring(0, i + 1);
        if (upTo.endsWith("e.g.") || upTo.endsWith("i.e.")) {
          continue;
        }
        return upTo;
      }
    }
    return text;
  }

  /**
   * Replaces <code>{@tag ...}</code> by its literal text (nested braces balanced); the text between tags has its
   * HTML tags removed and entities decoded.
   */
  static String inlineTags(String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("{@", i)) {
        int depth = 0;
        int j = i;
        for (; j < text.length(); j++) {
          char c = text.charAt(j);
          if (c == '{') {
            depth++;
          } else if (c == '}' && --depth == 0) {
            break;
          }
        }
        if (j >= text.length()) {
          out.append(html(text.substring(i)));
          break;
        }
        out.append(tagText(text.substring(i + 2, j)));
        i = j + 1;
      } else {
        int next = text.indexOf("{@", i);
        int end = next < 0 ? text.length() : next;
        out.append(html(text.substring(i, end)));
        i = end;
      }
    }
    return out.toString();
  }

  private static String html(String text) {
    return HTML_TAG.matcher(text)
        .replaceAll(" ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
  }

  private static String tagText(String tag) {
    String[] parts = tag.strip().split("\\s+", 2);
    String name = parts[0];
    String arg = parts.length > 1 ? parts[1].strip() : "";
    switch (name) {
      case "inheritDoc":
        return "";
      case "link":
      case "linkplain":
      case "see":
        {
          String ref = arg;
          String label = "";
          int depth = 0;
          for (int k = 0; k < arg.length(); k++) {
            char c = arg.charAt(k);
            if (c == '(') {
              depth++;
            } else if (c == ')') {
              depth--;
            } else if (Character.isWhitespace(c) && depth == 0) {
              ref = arg.substring(0, k);
              label = arg.substring(k + 1).strip();
              break;
            }
          }
          if (!label.isEmpty()) {
            return label;
          }
          return ref.startsWith("#") ? ref.substring(1) : ref.replace('#', '.');
        }
      default:
        return arg;
    }
  }
}
