package org.cptbench.eval.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cptbench.eval.metric.AnswerMatcher.Mode;
import org.junit.jupiter.api.Test;

/** Expected values follow DPR's has_answer / SimpleTokenizer (checked against the Python code by hand). */
class AnswerMatcherTest {

  @Test
  void tokenizerSplitsPunctuationAndKeepsLetterDigitMarkRuns() {
    assertEquals(
        List.of("U", ".", "S", ".", "in", "1990", "'", "s", "\u2014", "c", "+", "+", "!"),
        DprTokenizer.words("U.S. in 1990's \u2014 c++!", false));
    assertEquals(
        List.of("u", ".", "s", ".", "in", "1990", "'", "s", "\u2014", "c", "+", "+", "!"),
        DprTokenizer.words("U.S. in 1990's \u2014 c++!", true));
    // combining marks stay inside the token; separators and controls are dropped
    assertEquals(List.of("cafe\u0301", "x"), DprTokenizer.words("cafe\u0301\u00A0\u200B x", false));
  }

  @Test
  void stringModeIsUncasedTokenSequenceMatch() {
    assertTrue(AnswerMatcher.hasAnswer(List.of("barack obama"), "President Barack Obama said.", Mode.STRING));
    // token boundaries: "Obama" does not match inside "Obamacare"
    assertFalse(AnswerMatcher.hasAnswer(List.of("Obama"), "the Obamacare act", Mode.STRING));
    // punctuation is tokenized separately, so "U.S." matches "u . s ." and "US" does not
    assertTrue(AnswerMatcher.hasAnswer(List.of("U.S."), "in the u.s. today", Mode.STRING));
    assertFalse(AnswerMatcher.hasAnswer(List.of("US"), "in the u.s. today", Mode.STRING));
    // whitespace differences do not matter
    assertTrue(AnswerMatcher.hasAnswer(List.of("New  York"), "new\nyork city", Mode.STRING));
    // any of several answers
    assertTrue(AnswerMatcher.hasAnswer(List.of("Paris", "1889"), "built in 1889", Mode.STRING));
  }

  @Test
  void accentsMatchAfterNfdWhetherComposedOrDecomposed() {
    String composed = "Caf\u00E9 Pel\u00E9";
    String decomposed = "Cafe\u0301 Pele\u0301";
    assertTrue(AnswerMatcher.hasAnswer(List.of(composed), "at the " + decomposed + " bar", Mode.STRING));
    assertTrue(AnswerMatcher.hasAnswer(List.of(decomposed), "at the " + composed + " bar", Mode.STRING));
    // but accents are not stripped: "Cafe" (no accent) is a different token from "Café"
    assertFalse(AnswerMatcher.hasAnswer(List.of("Cafe Pele"), composed, Mode.STRING));
    // case folding after NFD: É -> e + combining acute
    assertTrue(AnswerMatcher.hasAnswer(List.of("\u00C9COLE"), "une \u00E9cole", Mode.STRING));
  }

  @Test
  void emptyAnswerMatchesEverythingAsInDpr() {
    assertTrue(AnswerMatcher.hasAnswer(List.of(""), "anything", Mode.STRING));
    assertTrue(AnswerMatcher.hasAnswer(List.of("  "), "", Mode.STRING));
    assertFalse(AnswerMatcher.hasAnswer(List.of("x"), "", Mode.STRING));
    assertFalse(AnswerMatcher.hasAnswer(List.of(), "anything", Mode.STRING));
  }

  @Test
  void regexModeSearchesCaseInsensitivelyAndIgnoresBadPatterns() {
    assertTrue(AnswerMatcher.hasAnswer(List.of("Bill(y)? Clinton"), "president BILLY CLINTON", Mode.REGEX));
    assertTrue(AnswerMatcher.hasAnswer(List.of("^second line$"), "first\nSecond line\nthird", Mode.REGEX));
    assertFalse(AnswerMatcher.hasAnswer(List.of("("), "(", Mode.REGEX));
    assertTrue(AnswerMatcher.hasAnswer(List.of("(", "\\d{4}"), "in 1999", Mode.REGEX));
    // \w is Unicode-aware, as in Python 3
    assertTrue(AnswerMatcher.hasAnswer(List.of("^\\w+$"), "\u00E9t\u00E9", Mode.REGEX));
    // only \n ends a line for $, as in Python (U+2028 does not)
    assertFalse(AnswerMatcher.hasAnswer(List.of("a$"), "a\u2028b", Mode.REGEX));
  }

  @Test
  void answerAccuracyOverQuestions() {
    AnswerAccuracy acc1 = new AnswerAccuracy(1);
    AnswerAccuracy acc2 = new AnswerAccuracy(2);
    Map<String, List<String>> answers =
        Map.of("q1", List.of("Paris"), "q2", List.of("Rome"), "q3", List.of("Oslo"));
    Map<String, List<String>> passages =
        Map.of("q1", List.of("Paris is big.", "no"), "q2", List.of("no", "Rome, Italy"));
    PerQueryScores s1 = acc1.evaluate(answers, passages);
    assertEquals(1.0, s1.value("q1"));
    assertEquals(0.0, s1.value("q2"));
    assertEquals(0.0, s1.value("q3")); // no passages retrieved
    assertEquals(1.0 / 3, s1.mean(), 1e-12);
    assertEquals(2.0 / 3, acc2.evaluate(answers, passages).mean(), 1e-12);
    assertEquals(1, new AnswerMatcher(List.of("rome"), Mode.STRING).firstHit(passages.get("q2"), 100));
    assertEquals(-1, new AnswerMatcher(List.of("rome"), Mode.STRING).firstHit(passages.get("q2"), 1));
  }
}
