package org.cptbench.data.builtin;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.cptbench.CptbenchException;

/**
 * Finds a Maven artifact's jar: on the JVM class path ({@code java.class.path}: tests, {@code mvn exec}); in a
 * {@code lib/} folder next to a jar on the class path ({@code java -jar target/harness.jar} lists only harness.jar
 * there, its dependencies are in {@code target/lib}); else in the local repository
 * {@code ${user.home}/.m2/repository/<group path>/<artifact>/<version>/<artifact>-<version>[-<classifier>].jar}.
 */
public final class MavenJars {
  private MavenJars() {}

  /**
   * Maven coordinates.
   *
   * @param group groupId
   * @param artifact artifactId
   * @param version version
   * @param classifier e.g. {@code sources}, or null
   */
  public record Coordinates(String group, String artifact, String version, String classifier) {
    public Coordinates {
      for (String[] f : new String[][] {{"group", group}, {"artifact", artifact}, {"version", version}}) {
        if (f[1] == null || f[1].isBlank() || f[1].contains("/") || f[1].contains(":")) {
          throw new IllegalArgumentException(f[0] + ": '" + f[1] + "', must be a non-blank Maven coordinate part");
        }
      }
    }

    /** {@code group:artifact:version[:classifier]}. */
    public static Coordinates parse(String gav) {
      String[] p = gav.split(":");
      if (p.length < 3 || p.length > 4) {
        throw new IllegalArgumentException("'" + gav + "', expected group:artifact:version[:classifier]");
      }
      return new Coordinates(p[0], p[1], p[2], p.length == 4 ? p[3] : null);
    }

    /** {@code artifact-version[-classifier].jar}. */
    public String fileName() {
      return artifact + "-" + version + (classifier == null ? "" : "-" + classifier) + ".jar";
    }

    /** {@code group:artifact:version} (the library, without classifier). */
    public String library() {
      return group + ":" + artifact + ":" + version;
    }

    @Override
    public String toString() {
      return library() + (classifier == null ? "" : ":" + classifier);
    }
  }

  /** The jar, if found on the class path, next to the running jar, or in the local Maven repository. */
  public static Optional<Path> find(Coordinates c) {
    String name = c.fileName();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path p = Path.of(entry);
      if (p.getFileName() != null && p.getFileName().toString().equals(name) && Files.isRegularFile(p)) {
        return Optional.of(p);
      }
      if (p.toString().endsWith(".jar") && p.getParent() != null) {
        Path lib = p.toAbsolutePath().getParent().resolve("lib").resolve(name);
        if (Files.isRegularFile(lib)) {
          return Optional.of(lib);
        }
      }
    }
    Path repo =
        Path.of(System.getProperty("user.home"), ".m2", "repository")
            .resolve(c.group().replace('.', '/'))
            .resolve(c.artifact())
            .resolve(c.version())
            .resolve(name);
    return Files.isRegularFile(repo) ? Optional.of(repo) : Optional.empty();
  }

  /** The jar; the error names the coordinates and the command that downloads it. */
  public static Path require(Coordinates c) {
    return find(c)
        .orElseThrow(
            () ->
                new CptbenchException(
                    "jar "
                        + c
                        + " not found on the class path or in ~/.m2/repository; get it with `./mvnw"
                        + " dependency:get -Dartifact="
                        + c.library()
                        + ":jar"
                        + (c.classifier() == null ? "" : ":" + c.classifier())
                        + "` (or build with `./mvnw package`, which copies it to target/lib)"));
  }
}
