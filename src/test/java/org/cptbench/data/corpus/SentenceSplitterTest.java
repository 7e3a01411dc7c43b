package org.cptbench.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
  @Test
  void splitsOnTerminalPunctuationBeforeUpperCaseQuoteOrDigit() {
    assertEquals(
        List.of("It rained.", "We stayed in!", "Did you?", "\"Yes,\" she said.", "3 days passed."),
        SentenceSplitter.split("It rained. We stayed in! Did you? \"Yes,\" she said. 3 days passed."));
  }

  @Test
  void doesNotSplitBeforeLowerCaseOrWithoutSpace() {
    assertEquals(List.of("Version 3.5 is out. e.g. it works."), SentenceSplitter.split("Version 3.5 is out. e.g. it works."));
    assertEquals(List.of("see www.example.com.Then stop."), SentenceSplitter.split("see www.example.com.Then stop."));
  }

  @Test
  void keepsAbbreviationsAndInitials() {
    assertEquals(
        List.of("Mr. Smith met Dr. Jones and J. F. Kennedy in the U.S. Senate.", "They left."),
        SentenceSplitter.split("Mr. Smith met Dr. Jones and J. F. Kennedy in the U.S. Senate. They left."));
    assertEquals(
        List.of("Apples, pears, etc. Were sold, i.e. Most of them."),
        SentenceSplitter.split("Apples, pears, etc. Were sold, i.e. Most of them."));
    assertEquals(List.of("See No. 5 now."), SentenceSplitter.split("See No. 5 now."));
    assertEquals(List.of("He said no.", "5 left."), SentenceSplitter.split("He said no. 5 left."));
  }

  @Test
  void closingQuotesAndRepeatedMarksStayWithTheSentence() {
    assertEquals(
        List.of("He shouted \"Stop!\"", "Really?!", "(Done.)", "Next."),
        SentenceSplitter.split("He shouted \"Stop!\" Really?!  (Done.)\nNext."));
    assertEquals(List.of("Wait...", "What?"), SentenceSplitter.split("Wait... What?"));
  }

  @Test
  void blankAndTrailingText() {
    assertEquals(List.of(), SentenceSplitter.split("   "));
    assertEquals(List.of("no terminal punctuation"), SentenceSplitter.split("  no terminal punctuation "));
    assertEquals(List.of("Ends here."), SentenceSplitter.split("Ends here.   "));
  }
}
