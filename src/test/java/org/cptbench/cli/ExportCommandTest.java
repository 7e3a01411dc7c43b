package org.cptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cptbench.model.Gpt2Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./harness export} writes the GPT-2 layout, and {@code ./harness embed --encoder} takes a GPT-2 folder: the
 * reference GPT-2 and its export embed identically.
 */
class ExportCommandTest {
  @TempDir Path dir;

  @Test
  void exportedGpt2FolderEmbedsLikeTheOriginal() throws IOException {
    Path out = dir.resolve("exported");
    assertEquals(0, Main.execute("export", "--model", Gpt2Fixture.dir().toString(), "--out", out.toString()));
    assertTrue(Files.isRegularFile(out.resolve("model.safetensors")));
    Path texts = dir.resolve("texts.txt");
    Files.writeString(texts, "The fox jumps over the dog.\nan embedding maps text\n");
    List<String> rows = null;
    for (Path encoder : List.of(Gpt2Fixture.dir(), out)) {
      Path tsv = dir.resolve(encoder.getFileName() + ".tsv");
      String[] args = {
        "embed", "--encoder", encoder.toString(), "--input", texts.toString(), "--output", tsv.toString(), "--no-cache"
      };
      assertEquals(0, Main.execute(args));
      List<String> got = Files.readAllLines(tsv);
      assertEquals(2, got.size());
      assertEquals(32, got.get(0).split("\t").length);
      assertNotEquals(got.get(0), got.get(1));
      if (rows != null) {
        assertEquals(rows, got);
      }
      rows = got;
    }
  }

  @Test
  void badOptionsAreErrors() throws IOException {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      Path taken = Files.createDirectories(dir.resolve("taken"));
      Files.writeString(taken.resolve("notes.txt"), "mine");
      String model = Gpt2Fixture.dir().toString();
      assertNotEquals(0, Main.execute("export", "--model", model, "--format", "onnx", "--out", dir.toString()));
      assertNotEquals(0, Main.execute("export", "--model", model, "--out", taken.toString()));
      assertNotEquals(0, Main.execute("export", "--model", dir.resolve("none").toString(), "--out", "x"));
    } finally {
      System.setErr(old);
    }
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("error: --format: unknown value 'onnx'; allowed: gpt2"), text);
    assertTrue(text.contains("holds other files [notes.txt]"), text);
    assertTrue(text.contains("is not a cptbench checkpoint"), text);
  }
}
