package org.cptbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
  @TempDir Path dir;

  @Test
  void headerIsPaddedTo64BytesAsNumpyWritesIt() {
    byte[] h = Npy.header(2, 3);
    // 6 magic + 2 version + 2 length + 59-char dict + newline = 70, padded with 58 spaces to 128
    assertEquals(128, h.length);
    assertEquals((byte) 0x93, h[0]);
    assertEquals("NUMPY", new String(h, 1, 5, StandardCharsets.US_ASCII));
    assertEquals(1, h[6]);
    assertEquals(0, h[7]);
    assertEquals(118, (h[8] & 0xFF) | (h[9] & 0xFF) << 8);
    String text = new String(h, 10, 118, StandardCharsets.US_ASCII);
    assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" + " ".repeat(58) + "\n", text);
  }

  @Test
  void roundTripsValuesIncludingSpecialFloats() {
    float[][] m = {{1f, -2.5f, Float.MIN_VALUE}, {Float.NaN, Float.NEGATIVE_INFINITY, 3.4028235e38f}};
    Path f = dir.resolve("a/m.npy");
    Npy.write(f, m, 3);
    float[][] back = Npy.read(f);
    assertEquals(2, back.length);
    for (int i = 0; i < 2; i++) {
      assertArrayEquals(m[i], back[i], 0f);
    }
  }

  @Test
  void emptyMatrixKeepsItsWidthInTheHeader() throws IOException {
    Path f = dir.resolve("e.npy");
    Npy.write(f, new float[0][], 384);
    assertEquals(0, Npy.read(f).length);
    assertTrue(new String(Files.readAllBytes(f), StandardCharsets.US_ASCII).contains("'shape': (0, 384)"));
  }

  @Test
  void rejectsTruncatedAndForeignFiles() throws IOException {
    Path f = dir.resolve("t.npy");
    Npy.write(f, new float[][] {{1, 2}, {3, 4}}, 2);
    byte[] all = Files.readAllBytes(f);
    Files.write(f, Arrays.copyOf(all, all.length - 3));
    CptbenchException e = assertThrows(CptbenchException.class, () -> Npy.read(f));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    Path g = dir.resolve("g.npy");
    Files.writeString(g, "hello");
    assertThrows(CptbenchException.class, () -> Npy.read(g));
    assertThrows(IllegalArgumentException.class, () -> Npy.write(g, new float[][] {{1, 2}, {3}}, 2));
  }

  @Test
  void numpyReadsOursAndWeReadNumpys() throws Exception {
    assumeTrue(run("import numpy").equals("0"), "numpy not available");
    Path ours = dir.resolve("ours.npy");
    Npy.write(ours, new float[][] {{0.5f, -1f, 2f}, {3f, 4.25f, -0f}}, 3);
    assertEquals(
        "(2, 3) float32 [0.5, -1.0, 2.0, 3.0, 4.25, -0.0]",
        run(
            "import numpy as np; a = np.load(r'" + ours + "'); "
                + "print(a.shape, a.dtype, a.ravel().tolist(), end='')"));
    Path theirs = dir.resolve("theirs.npy");
    run(
        "import numpy as np; np.save(r'"
            + theirs
            + "', np.array([[0.5, -1, 2], [3, 4.25, -0.0]], dtype='<f4')); print(0, end='')");
    float[][] m = Npy.read(theirs);
    assertArrayEquals(new float[] {0.5f, -1f, 2f}, m[0], 0f);
    assertArrayEquals(new float[] {3f, 4.25f, -0f}, m[1], 0f);
    assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(ours), "byte-identical to numpy.save");
  }

  /** Runs python3 -c; its stdout, or its exit code as text when it printed nothing. */
  private static String run(String script) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
    } catch (IOException e) {
      return "no python3";
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "timeout";
    }
    return out.isEmpty() ? Integer.toString(p.exitValue()) : out;
  }
}
