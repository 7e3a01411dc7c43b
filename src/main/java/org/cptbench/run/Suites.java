package org.cptbench.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cptbench.CptbenchException;
import org.cptbench.config.SuiteSpec;

/** Built-in suites (resources {@code suites/NAME.yaml}) and suite files. */
public final class Suites {
  public static final List<String> BUILTIN = List.of("quick", "paper", "code");

  private Suites() {}

  /** The YAML text of a built-in suite name or a file path. */
  public static String text(String nameOrFile) {
    if (BUILTIN.contains(nameOrFile)) {
      try (InputStream in = Suites.class.getResourceAsStream("/suites/" + nameOrFile + ".yaml")) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Path p = Path.of(nameOrFile);
    if (!Files.isRegularFile(p)) {
      throw new CptbenchException(
          "suite '" + nameOrFile + "' is neither a built-in suite " + BUILTIN + " nor a file (./harness list)");
    }
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }

  public static SuiteSpec load(String nameOrFile) {
    return SuiteSpec.parse(text(nameOrFile), BUILTIN.contains(nameOrFile) ? "suite " + nameOrFile : nameOrFile);
  }
}
