package org.cptbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineReaderTest {
  @TempDir Path tmp;

  private List<String> lines(byte[] bytes, java.nio.charset.Charset cs) throws IOException {
    Path f = tmp.resolve("f.txt");
    Files.write(f, bytes);
    List<String> out = new ArrayList<>();
    try (LineReader r = LineReader.open(f, cs)) {
      for (String l = r.next(); l != null; l = r.next()) {
        out.add(l);
      }
    }
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void splitsOnNewlineOnlyAndStripsOneCarriageReturn() throws IOException {
    // U+2028, U+0085 and a bare CR stay inside their lines; CRLF loses the CR; BOM is dropped
    assertEquals(
        List.of("a\u2028b", "c\u0085d", "e\rf", "g", "", "h"),
        lines(utf8("\uFEFFa\u2028b\nc\u0085d\ne\rf\ng\r\n\nh"), StandardCharsets.UTF_8));
  }

  @Test
  void finalNewlineAddsNoEmptyLine() throws IOException {
    assertEquals(List.of("x", ""), lines(utf8("x\n\n"), StandardCharsets.UTF_8));
    assertEquals(List.of(), lines(new byte[0], StandardCharsets.UTF_8));
  }

  @Test
  void longLinesSpanBuffers() throws IOException {
    String big = "z".repeat(200_000);
    assertEquals(List.of(big, "end"), lines(utf8(big + "\nend\n"), StandardCharsets.UTF_8));
  }

  @Test
  void invalidUtf8NamesFileAndLine() throws IOException {
    Path f = tmp.resolve("bad.txt");
    Files.write(f, new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
    try (LineReader r = LineReader.utf8(f)) {
      assertEquals("ok", r.next());
      MalformedInputException e = assertThrows(MalformedInputException.class, r::next);
      assertEquals(2, e.line());
      assertTrue(e.getMessage().startsWith(f + ":2: not valid UTF-8"), e.getMessage());
    }
  }

  @Test
  void encodingFallsBackToLatin1PerFile() throws IOException {
    Path latin = tmp.resolve("latin.txt");
    Files.write(latin, new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
    Path utf = tmp.resolve("utf.txt");
    Files.write(utf, utf8("caf\u00e9\n"));
    assertEquals(StandardCharsets.ISO_8859_1, TextEncoding.utf8OrLatin1(latin));
    assertEquals(StandardCharsets.UTF_8, TextEncoding.utf8OrLatin1(utf));
    // a multi-byte sequence cut at the end of the file is not UTF-8
    Path cut = tmp.resolve("cut.txt");
    Files.write(cut, new byte[] {'a', (byte) 0xC3});
    assertEquals(StandardCharsets.ISO_8859_1, TextEncoding.utf8OrLatin1(cut));
  }

  @Test
  void pythonStrip() {
    assertEquals("a b", PyText.strip("\u0085\u00a0 a b\u2028\t\u3000"));
    assertEquals("", PyText.strip(" \u001c "));
    assertEquals("\u200bx", PyText.strip("\u200bx")); // ZERO WIDTH SPACE is not whitespace in Python
  }
}
