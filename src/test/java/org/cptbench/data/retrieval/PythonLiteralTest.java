package org.cptbench.data.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PythonLiteralTest {
  @Test
  void quotesAndEscapes() {
    assertEquals(List.of(), PythonLiteral.parseStringList("[]"));
    assertEquals(List.of("a", "b's"), PythonLiteral.parseStringList("['a', \"b's\"]"));
    assertEquals(List.of("it's", "say \"hi\""), PythonLiteral.parseStringList("['it\\'s', 'say \\\"hi\\\"']"));
    assertEquals(List.of("S\u00c4\u0083o", "\u200e", "\ud83d\ude81"),
        PythonLiteral.parseStringList("['S\u00c4\\x83o', '\\u200e', '\\U0001F681']"));
    assertEquals(
        List.of("a\nb\tc\\d", "\u0000A"), PythonLiteral.parseStringList("[ 'a\\nb\\tc\\\\d' , '\\0\\101' , ]"));
    assertEquals(List.of("\\d+ ft"), PythonLiteral.parseStringList("['\\d+ ft']")); // unknown escape keeps backslash
    assertEquals(List.of("ab", "raw\\n"), PythonLiteral.parseStringList("['a' \"b\", r'raw\\n']"));
    assertEquals(List.of("\u00e9"), PythonLiteral.parseStringList("[u'\\N{LATIN SMALL LETTER E WITH ACUTE}']"));
    assertEquals(List.of("Angola \u200e"), PythonLiteral.parseStringList("['Angola \\u200e']"));
  }

  @Test
  void errorsNamePosition() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parseStringList("['a' 'b"));
    assertTrue(e.getMessage().contains("unterminated"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parseStringList("['a'; 'b']"));
    assertTrue(e.getMessage().contains("character 5"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parseStringList("'a'"));
    assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parseStringList("['a'] x"));
    assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parseStringList("['\\xZZ']"));
    assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parseStringList("[1, 2]"));
  }
}
