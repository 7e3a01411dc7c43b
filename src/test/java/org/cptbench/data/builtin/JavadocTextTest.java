package org.cptbench.data.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JavadocTextTest {
  @Test
  void firstSentenceOfTheDescription() {
    String doc =
        """
        /**
         * <p>Checks if a CharSequence is empty (""), null or whitespace only, e.g. {@code "  "}.
         * Whitespace is defined by {@link Character#isWhitespace(char)}.
         *
         * @param cs  the CharSequence to check, may be null
         * @return {@code true} if blank
         */""";
    assertEquals(
        "Checks if a CharSequence is empty (\"\"), null or whitespace only, e.g. \" \".", JavadocText.summary(doc));
  }

  @Test
  void inlineTagsEntitiesAndHtml() {
    assertEquals("Map<K, V> of a.b and label", JavadocText.description("/** {@code Map<K, V>} of {@link a#b} and {@linkplain X#y(int, int) label} */"));
    assertEquals("Compares a < b & c.", JavadocText.description("/** Compares <em>a</em> &lt; b &amp; c. */"));
    assertEquals("", JavadocText.summary("/** {@inheritDoc} */"));
    assertEquals("No period at the end", JavadocText.summary("/** No period at the end\n * @since 1.0 */"));
    assertEquals("Is it?", JavadocText.summary("/** Is it? Yes. */"));
    assertEquals("Keeps {@code {x}} braces: {x}.", JavadocText.description("/** Keeps {@literal {@code {x}}} braces: {@code {x}}. */"));
  }
}
