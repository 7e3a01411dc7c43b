package org.cptbench.data.corpus;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The prose paragraphs of a documentation page (Sphinx: the Python and Linux manuals; DocBook: PostgreSQL's;
 * Publican: the Debian Administrator's Handbook): the main content ({@code [role=main]}, else {@code body}) without
 * code ({@code pre}, {@code .highlight}), tables, figures, scripts, navigation and permalink marks; then every
 * paragraph-like block ({@code p}, {@code div.para}, and {@code li}, {@code dd}, {@code blockquote} that hold no
 * such block themselves), its text with whitespace collapsed by jsoup (inline code
 * stays, as the words of the sentence it is part of). A block is kept as prose when {@link #isProse}.
 */
public final class HtmlProse {
  /** Fewest words of a kept paragraph. */
  public static final int MIN_WORDS = 8;

  /** Least fraction of letters among a kept paragraph's non-space characters. */
  public static final double MIN_LETTER_FRACTION = 0.7;

  private static final String NOISE =
      "script, style, pre, .highlight, table, figure, img, svg, nav, .headerlink, .sphinxsidebar, .related,"
          + " .rst-footer-buttons, .footer, footer, .admonition-title, .toctree-wrapper, .contents.topic,"
          + " .navheader, .navfooter, .docnav, #navigation";
  private static final String BLOCKS = "p, div.para, li, dd, blockquote";

  /** The version of the extraction rule; a built corpus records it (and is rebuilt when it changes). */
  public static final int RULE = 2;

  private HtmlProse() {}

  /** The prose paragraphs of one HTML page, in reading order. */
  public static List<String> paragraphs(String html) {
    Document doc = Jsoup.parse(html);
    Element main = doc.selectFirst("[role=main]");
    if (main == null) {
      main = doc.body();
    }
    main.select(NOISE).remove();
    List<String> out = new ArrayList<>();
    for (Element block : main.select(BLOCKS)) {
      if (!block.select(BLOCKS).stream().allMatch(e -> e == block)) {
        continue; // a container: its inner blocks are visited on their own
      }
      String text = block.text().strip();
      if (isProse(text)) {
        out.add(text);
      }
    }
    return out;
  }

  /**
   * Whether a paragraph reads as running text: at least {@value #MIN_WORDS} words, at least
   * {@value #MIN_LETTER_FRACTION} of its non-space characters letters, and not a line of code (no {@code ;} or
   * braces at the end, no {@code ::}/{@code ->}/{@code ==} heavy use).
   */
  public static boolean isProse(String text) {
    String[] words = text.split("\\s+");
    if (words.length < MIN_WORDS) {
      return false;
    }
    int letters = 0;
    int nonSpace = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        nonSpace++;
        if (Character.isLetter(c)) {
          letters++;
        }
      }
    }
    if (letters < MIN_LETTER_FRACTION * nonSpace) {
      return false;
    }
    String end = text.substring(Math.max(0, text.length() - 1));
    return !end.equals(";") && !end.equals("{") && !end.equals("}");
  }
}
