package org.cptbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cptbench.model.Npy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./harness embed} end to end through {@link Main#execute} with the minilm-l6 reference encoder. */
class EmbedCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(oldErr);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void embedsLinesAndJsonlToNpyAndTsvThroughTheCache() throws IOException {
    Path lines = dir.resolve("texts.txt");
    Files.writeString(
        lines, "\uFEFFA man is playing a guitar.\r\nA person plays the guitar.\nStocks fell\u2028sharply today.\n");
    Path cache = dir.resolve("emb-cache");
    String[] args = {
      "embed", "--encoder", "minilm-l6", "--input", lines.toString(), "--output", dir.resolve("out.npy").toString(),
      "--format", "both", "--cache-dir", cache.toString()
    };
    assertEquals(0, Main.execute(args), stderr());
    assertTrue(stderr().contains("embedded 3 texts with minilm-l6 (d=384, side x"), stderr());
    float[][] npy = Npy.read(dir.resolve("out.npy"));
    assertEquals(3, npy.length, "U+2028 stays inside its line");
    for (float[] row : npy) {
      assertEquals(384, row.length);
      assertEquals(1.0, Math.sqrt(dot(row, row)), 1e-5);
    }
    assertTrue(dot(npy[0], npy[1]) > dot(npy[0], npy[2]) + 0.3, "paraphrase closer than unrelated");
    List<String> tsv = Files.readAllLines(dir.resolve("out.tsv"));
    assertEquals(3, tsv.size());
    for (int i = 0; i < 3; i++) {
      String[] cells = tsv.get(i).split("\t");
      assertEquals(384, cells.length);
      for (int k = 0; k < 384; k++) {
        assertEquals(npy[i][k], Float.parseFloat(cells[k]), 0f);
      }
    }

    // the same run again is answered from the embedding cache
    assertEquals(0, Main.execute(args), stderr());
    assertTrue(stderr().contains("from the cache"), stderr());

    // JSONL input, side y, TSV chosen by extension; the encoder is symmetric so rows match
    Path jsonl = dir.resolve("texts.jsonl");
    Files.writeString(
        jsonl,
        "{\"id\": 7, \"text\": \"A person plays the guitar.\"}\n\n{\"text\": \"A man is playing a guitar.\"}\n");
    assertEquals(
        0,
        Main.execute(
            "embed", "--encoder", "minilm-l6", "--input", jsonl.toString(), "--output",
            dir.resolve("j.tsv").toString(), "--side", "Y", "--no-cache"),
        stderr());
    List<String> rows = Files.readAllLines(dir.resolve("j.tsv"));
    assertEquals(2, rows.size());
    float[] first = new float[384];
    String[] cells = rows.get(0).split("\t");
    for (int k = 0; k < 384; k++) {
      first[k] = Float.parseFloat(cells[k]);
    }
    assertArrayEquals(npy[1], first, 1e-5f);
  }

  @Test
  void malformedJsonlNamesFileAndLine() throws IOException {
    Path jsonl = dir.resolve("bad.jsonl");
    Files.writeString(jsonl, "{\"text\": \"ok\"}\n{\"txt\": \"no\"}\n");
    int rc =
        Main.execute(
            "embed", "--encoder", "minilm-l6", "--input", jsonl.toString(), "--output",
            dir.resolve("o.npy").toString());
    assertEquals(2, rc);
    assertTrue(
        stderr().contains("error: " + jsonl + ":2: expected a JSON object with a string field \"text\""), stderr());
  }

  @Test
  void badOptionValuesListTheAllowedOnes() throws IOException {
    Path lines = dir.resolve("t.txt");
    Files.writeString(lines, "hello\n");
    String out = dir.resolve("o.npy").toString();
    assertEquals(
        2, Main.execute("embed", "--encoder", "nope", "--input", lines.toString(), "--output", out, "--no-cache"));
    assertTrue(stderr().contains("error: encoder: unknown 'nope'; allowed: minilm-l6"), stderr());
    assertEquals(
        2,
        Main.execute(
            "embed", "--encoder", "minilm-l6", "--input", lines.toString(), "--output", out, "--format", "csv"));
    assertTrue(stderr().contains("--format: unknown value 'csv'; allowed: npy, tsv, both"), stderr());
    assertEquals(
        2,
        Main.execute("embed", "--encoder", "minilm-l6", "--input", lines.toString(), "--output", out, "--side", "z"));
    assertTrue(stderr().contains("--side: unknown value 'z'; allowed: x, y"), stderr());
  }

  @Test
  void bothFormatsShareTheBaseName() {
    assertEquals(
        List.of(Path.of("d/x.npy"), Path.of("d/x.tsv")), EmbedCommand.targets(Path.of("d/x.tsv"), "both"));
    assertEquals(List.of(Path.of("x.emb.npy"), Path.of("x.emb.tsv")), EmbedCommand.targets(Path.of("x.emb"), "both"));
    assertEquals(List.of(Path.of("x.npy")), EmbedCommand.targets(Path.of("x.npy"), null));
    assertEquals(List.of(Path.of("x.txt")), EmbedCommand.targets(Path.of("x.txt"), null));
  }

  @Test
  void precisionAndDeviceFlagsAreCheckedWithClearErrors() throws IOException {
    Path lines = dir.resolve("texts.txt");
    Files.writeString(lines, "A man is playing a guitar.\n");
    String out = dir.resolve("out.npy").toString();
    assertEquals(2, Main.execute("embed", "--encoder", "minilm-l6", "--input", lines.toString(), "--output", out,
        "--precision", "fp16"), stderr());
    assertTrue(stderr().contains("--precision: unknown value 'fp16'; allowed: [fp32, bf16, auto]"), stderr());
    assertEquals(2, Main.execute("embed", "--encoder", "minilm-l6", "--input", lines.toString(), "--output", out,
        "--precision", "bf16"), stderr());
    assertTrue(stderr().contains("ONNX reference model runs in fp32"), stderr());
    assertEquals(2, Main.execute("embed", "--encoder", "minilm-l6", "--input", lines.toString(), "--output", out,
        "--device", "npu"), stderr());
    assertTrue(stderr().contains("--device: unknown value 'npu'"), stderr());
  }
}
