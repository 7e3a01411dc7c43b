package org.cptbench.data.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What dpkg knows about installed Debian packages, read from its status file (no subprocess). */
public final class DebianPackages {
  /** dpkg's database of installed packages. */
  public static final Path STATUS = Path.of("/var/lib/dpkg/status");

  private DebianPackages() {}

  /**
   * The version of {@code pkg} if dpkg lists it as installed ({@code Status: install ok installed}) in
   * {@code statusFile}; empty when it is not installed or there is no dpkg.
   */
  public static Optional<String> installedVersion(String pkg, Path statusFile) {
    if (!Files.isRegularFile(statusFile)) {
      return Optional.empty();
    }
    String text;
    try {
      text = Files.readString(statusFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    for (String stanza : text.split("\n\n")) {
      String name = null;
      String version = null;
      boolean installed = false;
      for (String line : stanza.split("\n")) {
        if (line.startsWith("Package: ")) {
          name = line.substring(9).strip();
        } else if (line.startsWith("Version: ")) {
          version = line.substring(9).strip();
        } else if (line.startsWith("Status: ")) {
          installed = line.substring(8).strip().endsWith(" installed");
        }
      }
      if (pkg.equals(name) && installed && version != null) {
        return Optional.of(version);
      }
    }
    return Optional.empty();
  }
}
