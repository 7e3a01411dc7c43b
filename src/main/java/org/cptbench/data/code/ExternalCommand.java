package org.cptbench.data.code;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.cptbench.CptbenchException;

/** Runs a registry client (dpkg, npm, tar) at build time and returns its standard output. */
final class ExternalCommand {
  private ExternalCommand() {}

  static String run(Path dir, List<String> command) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    try {
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      byte[] err = p.getErrorStream().readAllBytes();
      int rc = p.waitFor();
      if (rc != 0) {
        throw new CptbenchException(
            String.join(" ", command) + " failed (exit " + rc + "): " + new String(err, StandardCharsets.UTF_8).strip());
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CptbenchException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CptbenchException("interrupted: " + String.join(" ", command), e);
    }
  }
}
