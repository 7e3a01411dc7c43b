package org.cptbench.eval.metric;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * DPR's answer-in-passage test, {@code has_answer} in {@code dpr/data/qa_validation.py}, used for open-domain QA
 * retrieval accuracy (top-k "answer recall").
 *
 * <ul>
 *   <li>{@link Mode#STRING} (NQ, TriviaQA, WebQuestions, SQuAD): the passage text and each answer are Unicode NFD
 *       normalised, tokenized with {@link DprTokenizer} and lower-cased; the passage has the answer when the
 *       answer's token sequence occurs contiguously in the passage's tokens. As in DPR, an answer with no tokens
 *       (e.g. empty or only whitespace) matches every passage.
 *   <li>{@link Mode#REGEX} (CuratedTREC): each answer is a regular expression; after NFD normalisation of both,
 *       the passage has the answer when the pattern is found anywhere in the text ({@code re.search} with
 *       IGNORECASE | UNICODE | MULTILINE). Patterns that do not compile count as no match, as in DPR. Java's
 *       {@link Pattern} stands in for Python's {@code regex} module: flags CASE_INSENSITIVE, UNICODE_CASE,
 *       UNICODE_CHARACTER_CLASS (Unicode {@code \w \d \s \b}), MULTILINE and UNIX_LINES (only {@code \n} ends a
 *       line for {@code . ^ $}, as in Python); Python-only syntax such as {@code (?P<name>...)} does not compile
 *       in Java and so counts as no match.
 * </ul>
 *
 * <p>DPR matches against the passage text only (not its title) in {@code check_answer}; callers pass that text.
 */
public final class AnswerMatcher {

  /** How answers are compared with passage text. */
  public enum Mode {
    /** Token-sequence match, uncased, after NFD. */
    STRING,
    /** Answers are regular expressions searched case-insensitively, after NFD. */
    REGEX
  }

  private static final int REGEX_FLAGS =
      Pattern.CASE_INSENSITIVE
          | Pattern.UNICODE_CASE
          | Pattern.UNICODE_CHARACTER_CLASS
          | Pattern.MULTILINE
          | Pattern.UNIX_LINES;

  private final Mode mode;
  private final List<List<String>> answerTokens = new ArrayList<>();
  private final List<Pattern> answerPatterns = new ArrayList<>();

  /** A matcher for one question's answers (prepared once, applied to many passages). */
  public AnswerMatcher(List<String> answers, Mode mode) {
    this.mode = Objects.requireNonNull(mode, "mode");
    for (String a : answers) {
      String norm = nfd(a);
      if (mode == Mode.STRING) {
        answerTokens.add(DprTokenizer.words(norm, true));
      } else {
        try {
          answerPatterns.add(Pattern.compile(norm, REGEX_FLAGS));
        } catch (PatternSyntaxException e) {
          // DPR: regex_match returns False when the pattern does not compile.
        }
      }
    }
  }

  /** DPR {@code has_answer(answers, text, tokenizer, match_type)}. */
  public static boolean hasAnswer(List<String> answers, String text, Mode mode) {
    return new AnswerMatcher(answers, mode).matches(text);
  }

  /** Whether {@code passageText} contains one of the answers. */
  public boolean matches(String passageText) {
    String text = nfd(passageText);
    if (mode == Mode.REGEX) {
      for (Pattern p : answerPatterns) {
        if (p.matcher(text).find()) {
          return true;
        }
      }
      return false;
    }
    List<String> words = DprTokenizer.words(text, true);
    for (List<String> answer : answerTokens) {
      for (int i = 0; i + answer.size() <= words.size(); i++) {
        if (answer.equals(words.subList(i, i + answer.size()))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The 0-based position of the first passage among the first {@code limit} that contains an answer, or -1. DPR's
   * top-k accuracy for every k at once: a question counts for all k > this position.
   */
  public int firstHit(List<String> rankedPassageTexts, int limit) {
    int n = Math.min(limit, rankedPassageTexts.size());
    for (int i = 0; i < n; i++) {
      if (matches(rankedPassageTexts.get(i))) {
        return i;
      }
    }
    return -1;
  }

  static String nfd(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD);
  }
}
