package org.cptbench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared benchmark data for tests that read real files: system property {@code cptbench.data} (set from
 * {@code CPTBENCH_DATA} by the build), else {@code ../shared/datasets}. Tests that need it are skipped (not
 * passed) when it is absent.
 */
public final class TestData {
  private TestData() {}

  /** The data directory, or null when none is available. */
  public static Path dirOrNull() {
    for (String candidate :
        new String[] {
          System.getProperty("cptbench.data"), System.getenv("CPTBENCH_DATA"), "../shared/datasets"
        }) {
      if (candidate != null && !candidate.isBlank() && !candidate.startsWith("${")) {
        Path p = Path.of(candidate);
        if (Files.isDirectory(p)) {
          return p;
        }
      }
    }
    return null;
  }

  /** The data directory; skips the calling test when it is absent. */
  public static Path dir() {
    Path p = dirOrNull();
    assumeTrue(p != null, "shared benchmark data not available (set CPTBENCH_DATA)");
    return p;
  }

  /** A path under the data directory; skips the calling test when it is absent. */
  public static Path require(String relative) {
    Path p = dir().resolve(relative);
    assumeTrue(Files.exists(p), "missing test data " + p);
    return p;
  }
}
