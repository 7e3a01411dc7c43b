package org.cptbench.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cptbench.model.MklDispatch;
import org.cptbench.report.MachineInfo;
import org.cptbench.util.Hashing;

/** Facts about the code, machine, libraries and data behind a run (Tribuo-style provenance). */
public final class Provenance {
  private Provenance() {}

  public static Map<String, Object> environment() {
    Map<String, Object> m = new LinkedHashMap<>(gitState());
    m.put("jdk", System.getProperty("java.vendor") + " " + Runtime.version());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    m.put("cpu", MachineInfo.current().cpu());
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("threads", Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors()));
    m.put("env", speedEnvironment());
    m.put("mklDispatch", MklDispatch.status().toString());
    Map<String, Object> libs = new LinkedHashMap<>();
    libs.put("cptbench", version("org.cptbench", "cptbench"));
    libs.put("djl", jarVersion("ai.djl.engine.Engine"));
    libs.put("pytorch-engine", jarVersion("ai.djl.pytorch.engine.PtEngine"));
    libs.put("pytorch-native", pytorchVersion());
    libs.put("onnxruntime", jarVersion("ai.onnxruntime.OrtEnvironment"));
    libs.put("djl-tokenizers", jarVersion("ai.djl.huggingface.tokenizers.HuggingFaceTokenizer"));
    libs.put("smile", jarVersion("smile.classification.LogisticRegression"));
    libs.put("tablesaw", version("tech.tablesaw", "tablesaw-core"));
    libs.put("jfreechart", version("org.jfree", "jfreechart"));
    m.put("libraries", libs);
    return m;
  }

  /**
   * The commit of the working directory's git checkout ({@code gitCommit}) and whether tracked files differ from it
   * ({@code gitDirty}); null values outside a checkout or without git.
   */
  public static Map<String, Object> gitState() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("gitCommit", git("rev-parse", "HEAD"));
    String status = git("status", "--porcelain", "--untracked-files=no");
    m.put("gitDirty", status == null ? null : !status.isBlank());
    return m;
  }

  /** The Maven version of a dependency on the class path, from its pom.properties. */
  static String version(String group, String artifact) {
    String res = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = Provenance.class.getClassLoader().getResourceAsStream(res)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The version in the name of the jar that holds a class ({@code api-0.36.0.jar} gives 0.36.0). */
  static String jarVersion(String className) {
    try {
      var src = Class.forName(className).getProtectionDomain().getCodeSource();
      if (src == null) {
        return "unknown";
      }
      String name = Path.of(src.getLocation().toURI()).getFileName().toString();
      var m = java.util.regex.Pattern.compile("-(\\d[\\w.\\-]*?)\\.jar$").matcher(name);
      return m.find() ? m.group(1) : name;
    } catch (ReflectiveOperationException | java.net.URISyntaxException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String pytorchVersion() {
    try {
      return ai.djl.engine.Engine.getEngine("PyTorch").getVersion();
    } catch (RuntimeException e) {
      return "unknown";
    }
  }

  /** The environment variables set up for the native kernels' speed (see the launcher), "null" when unset. */
  public static Map<String, Object> speedEnvironment() {
    Map<String, Object> env = new LinkedHashMap<>();
    for (String key : List.of("GLIBC_TUNABLES", "ATEN_CPU_CAPABILITY", "OMP_WAIT_POLICY")) {
      env.put(key, String.valueOf(System.getenv(key)));
    }
    return env;
  }

  private static String git(String... args) {
    try {
      String[] cmd = new String[args.length + 1];
      cmd[0] = "git";
      System.arraycopy(args, 0, cmd, 1, args.length);
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return null;
      }
      return out;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** SHA-256 over the sorted relative paths and contents of every file under {@code folder} (or of one file). */
  public static String checksum(Path folder) throws IOException {
    var md = Hashing.sha256();
    List<Path> files;
    if (Files.isRegularFile(folder)) {
      files = List.of(folder);
    } else {
      try (Stream<Path> walk = Files.walk(folder)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
    }
    byte[] buf = new byte[1 << 16];
    for (Path f : files) {
      md.update(folder.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      try (InputStream in = Files.newInputStream(f)) {
        int n;
        while ((n = in.read(buf)) > 0) {
          md.update(buf, 0, n);
        }
      }
    }
    return java.util.HexFormat.of().formatHex(md.digest());
  }

  /** Checksums of named data folders under the data dir (absent ones are reported as absent). */
  public static Map<String, String> dataChecksums(Path dataDir, List<String> names) throws IOException {
    Map<String, String> m = new TreeMap<>();
    for (String n : names) {
      Path p = dataDir.resolve(n);
      m.put(n, Files.exists(p) ? checksum(p) : "absent");
    }
    return m;
  }
}
