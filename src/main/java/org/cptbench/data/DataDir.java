package org.cptbench.data;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cptbench.CptbenchException;

/**
 * Where benchmark data lives. Resolved from, in order: an explicit {@code --data-dir} flag, the environment
 * variable {@value #ENV}, and the project-local cache {@value #DEFAULT} (filled by {@code ./harness datasets import}).
 */
public final class DataDir {
  public static final String ENV = "CPTBENCH_DATA";
  public static final String DEFAULT = "cache/datasets";

  private DataDir() {}

  /** The data directory for an optional flag value (null when the flag was not given). */
  public static Path resolve(Path flag) {
    if (flag != null) {
      return flag;
    }
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String prop = System.getProperty("cptbench.data");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    return Path.of(DEFAULT);
  }

  /** A path under the data directory that must exist; the error names how to get it. */
  public static Path require(Path dataDir, String relative) {
    Path p = dataDir.resolve(relative);
    if (!Files.exists(p)) {
      throw new CptbenchException(
          "data not found: "
              + p
              + " (set --data-dir or "
              + ENV
              + ", or run `./harness datasets import DIR` with a local copy of the data)");
    }
    return p;
  }
}
