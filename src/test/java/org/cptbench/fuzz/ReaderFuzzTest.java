package org.cptbench.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.cptbench.CptbenchException;
import org.cptbench.util.Hashing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing (Jazzer) of every reader a user feeds files to ({@link ReaderTargets}). The first input
 * byte picks the reader, the rest is its file. Any input must give either a result or the project's own error
 * ({@link CptbenchException}) naming the file; any other exception is a finding.
 *
 * <p>{@code ./harness test} replays the committed inputs under {@code src/test/resources/org/cptbench/fuzz/
 * ReaderFuzzTestInputs/readers/} (one valid file per reader, and every crash found so far). {@code .ci/run} then
 * fuzzes for a bounded time ({@code JAZZER_FUZZ=1}, {@link #MAX_DURATION}); with the benchmark data present the
 * corpus starts from the first lines of the real files in {@code ../shared/datasets} ({@link FuzzSeeds}).
 */
class ReaderFuzzTest {
  static final String MAX_DURATION = "150s";

  @BeforeAll
  static void seedFromRealFiles() throws IOException {
    if (System.getenv("JAZZER_FUZZ") != null) {
      FuzzSeeds.write(Path.of(".cifuzz-corpus", ReaderFuzzTest.class.getName(), "readers"));
    }
  }

  @FuzzTest(maxDuration = MAX_DURATION)
  void readers(byte[] input) throws IOException {
    if (input.length == 0) {
      return;
    }
    ReaderTargets[] all = ReaderTargets.values();
    ReaderTargets target = all[Byte.toUnsignedInt(input[0]) % all.length];
    check(target, Arrays.copyOfRange(input, 1, input.length));
  }

  /** Loads {@code file} as {@code target}'s file; only the project's own error naming the file may come out. */
  static void check(ReaderTargets target, byte[] file) throws IOException {
    Path dir = Files.createTempDirectory("fuzz-" + target.name().toLowerCase(java.util.Locale.ROOT) + "-");
    try {
      target.load(dir, file);
    } catch (CptbenchException e) {
      String name = Path.of(target.file).getFileName().toString();
      String m = String.valueOf(e.getMessage());
      assertTrue(
          m.contains(name) || m.contains(dir.toString()),
          target + ": the error does not name the file " + name + " or its folder: " + m);
    } finally {
      Hashing.deleteRecursively(dir);
    }
  }

  @Test
  void everyReaderAcceptsItsValidExample() throws IOException {
    for (ReaderTargets t : ReaderTargets.values()) {
      Path dir = Files.createTempDirectory("valid-");
      try {
        t.load(dir, t.validBytes());
      } catch (RuntimeException e) {
        throw new AssertionError(t + ": its valid example was rejected: " + e, e);
      } finally {
        Hashing.deleteRecursively(dir);
      }
    }
  }
}
