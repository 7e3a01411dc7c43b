package org.cptbench.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.cptbench.CptbenchException;
import org.cptbench.util.AtomicFiles;
import org.cptbench.util.Hashing;

/**
 * How a Slurm task starts a harness JVM: the submitting JVM's own {@code java}, its JVM flags (the launcher's:
 * module, native-access and logging flags, heap size) and its code, so that every task runs exactly the code that
 * submitted it. The intra-op thread count is left to the task ({@code -Dai.djl.pytorch.num_threads} is dropped;
 * the task script sets it from {@code --cpus-per-task}).
 *
 * @param java the java executable
 * @param jvmFlags flags before the class path
 * @param classPath {@code -jar JAR} or {@code -cp PATH MAIN}
 */
public record Launch(String java, List<String> jvmFlags, List<String> classPath) {
  static final String MAIN = "org.cptbench.cli.Main";
  static final String THREADS_FLAG = "-Dai.djl.pytorch.num_threads=";

  public Launch {
    jvmFlags = List.copyOf(jvmFlags);
    classPath = List.copyOf(classPath);
  }

  /**
   * This JVM's launch. When it runs from a jar ({@code ./harness}), the jar is copied to {@code
   * dir/harness-<sha>.jar} beside a {@code lib} link to its dependencies, so that a later rebuild cannot change the
   * code under queued tasks; {@code dir} must be on the shared filesystem. Otherwise (tests, an IDE) the class path is
   * used as it is.
   */
  public static Launch current(Path dir) {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> flags = new ArrayList<>();
    for (String f : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (f.startsWith(THREADS_FLAG) || f.startsWith("-agentlib:") || f.startsWith("-javaagent:")
          || f.startsWith("-Xrunjdwp")) {
        continue; // the task's own thread count; debuggers and agents stay with the submitter
      }
      flags.add(f);
    }
    Path code;
    try {
      code = Path.of(Launch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new CptbenchException("cannot find the harness code to launch Slurm tasks with: " + e.getMessage(), e);
    }
    if (Files.isRegularFile(code) && code.getFileName().toString().endsWith(".jar")) {
      return new Launch(java, flags, List.of("-jar", copyJar(code, dir).toString()));
    }
    return new Launch(java, flags, List.of("-cp", System.getProperty("java.class.path"), MAIN));
  }

  private static Path copyJar(Path jar, Path dir) {
    try {
      Path target = dir.resolve("harness-" + Hashing.sha256(jar).substring(0, 12) + ".jar");
      if (!Files.exists(target)) {
        AtomicFiles.write(target, tmp -> Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING));
      }
      Path lib = jar.toRealPath().resolveSibling("lib");
      Path link = dir.resolve("lib");
      if (Files.isDirectory(lib) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, lib.toRealPath());
      }
      return target.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the harness jar " + jar + " into " + dir, e);
    }
  }

  /**
   * The shell words that run {@code harness ARGS...} with {@code threadsVar} (a shell variable name) intra-op
   * threads; every word is single-quoted except the thread flag, which expands the variable.
   */
  public String shellCommand(String threadsVar, List<String> args) {
    StringBuilder sb = new StringBuilder(Shell.quote(java));
    for (String f : jvmFlags) {
      sb.append(' ').append(Shell.quote(f));
    }
    sb.append(' ').append(THREADS_FLAG).append("\"$").append(threadsVar).append('"');
    for (String c : classPath) {
      sb.append(' ').append(Shell.quote(c));
    }
    for (String a : args) {
      sb.append(' ').append(Shell.quote(a));
    }
    return sb.toString();
  }
}
