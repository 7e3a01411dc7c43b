package org.cptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cptbench.CptbenchException;
import org.cptbench.data.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedInputTest {
  @TempDir Path dir;

  @Test
  void linesKeepBlankLinesSoRowsAlignWithLineNumbers() throws IOException {
    Path f = dir.resolve("t.txt");
    Files.writeString(f, "\uFEFFone\r\n\ntwo\u2028still two\nlast without newline");
    assertEquals(
        List.of("one", "", "two\u2028still two", "last without newline"),
        EmbedInput.read(f, EmbedInput.Format.parse("auto", f)));
  }

  @Test
  void jsonlSkipsBlankLinesAndReadsTheTextField() throws IOException {
    Path f = dir.resolve("t.jsonl");
    Files.writeString(f, "{\"text\": \"a\\tb\"}\n\n{\"id\": 3, \"text\": \"\\\"q\\\"\"}\n");
    assertEquals(List.of("a\tb", "\"q\""), EmbedInput.read(f, EmbedInput.Format.parse("auto", f)));
  }

  @Test
  void errorsNameFileAndLine() throws IOException {
    Path f = dir.resolve("bad.txt");
    Files.write(f, new byte[] {'o', 'k', '\n', (byte) 0xC3, '(', '\n'});
    MalformedInputException e =
        assertThrows(MalformedInputException.class, () -> EmbedInput.read(f, EmbedInput.Format.LINES));
    assertEquals(f + ":2: not valid UTF-8 text", e.getMessage());
    Path j = dir.resolve("bad.jsonl");
    Files.writeString(j, "[1, 2]\n");
    assertEquals(
        j + ":1: expected a JSON object with a string field \"text\"",
        assertThrows(MalformedInputException.class, () -> EmbedInput.read(j, EmbedInput.Format.JSONL))
            .getMessage());
    assertEquals(
        "--input-format: unknown value 'csv'; allowed: auto, lines, jsonl",
        assertThrows(CptbenchException.class, () -> EmbedInput.Format.parse("csv", j)).getMessage());
  }
}
