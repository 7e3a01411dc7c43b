package org.cptbench.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The fuzzing corpus's start: for each reader, its valid example and the first lines of every real file of that
 * name under the benchmark data directory ({@code CPTBENCH_DATA} or {@code -Dcptbench.data}), prefixed with the
 * reader's selector byte. Nothing of the data is committed: the seeds are written at fuzzing time.
 */
final class FuzzSeeds {
  private static final int LINES = 25;

  private FuzzSeeds() {}

  static void write(Path corpus) throws IOException {
    Files.createDirectories(corpus);
    for (ReaderTargets t : ReaderTargets.values()) {
      seed(corpus, t, "valid", t.validBytes());
    }
    String data = System.getProperty("cptbench.data", System.getenv("CPTBENCH_DATA"));
    if (data == null || data.isBlank() || !Files.isDirectory(Path.of(data))) {
      return;
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of(data))) {
      files = s.filter(Files::isRegularFile).toList();
    }
    for (ReaderTargets t : ReaderTargets.values()) {
      String name = Path.of(t.file).getFileName().toString();
      int n = 0;
      for (Path f : files) {
        String fn = f.getFileName().toString();
        boolean same = fn.equals(name) || (t == ReaderTargets.QRELS && fn.startsWith("qrels"))
            || (t == ReaderTargets.BEIR_QRELS && fn.equals("test.tsv"))
            || (t == ReaderTargets.SENTEVAL_BINARY && (fn.endsWith(".pos") || fn.endsWith(".neg")))
            || (t == ReaderTargets.SEMEVAL_STS_INPUT && fn.startsWith("STS.input."))
            || (t == ReaderTargets.SEMEVAL_STS_GOLD && fn.startsWith("STS.gs."))
            || (t == ReaderTargets.QA_QUESTIONS_CSV && fn.endsWith(".csv") && fn.contains("test"));
        if (same && n < 4) {
          seed(corpus, t, "real-" + n++, head(f));
        }
      }
    }
  }

  private static byte[] head(Path f) throws IOException {
    InputStream in = Files.newInputStream(f);
    if (f.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in);
    }
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while (lines.size() < LINES && (line = r.readLine()) != null) {
        lines.add(line);
      }
    }
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void seed(Path corpus, ReaderTargets t, String tag, byte[] file) throws IOException {
    byte[] input = new byte[file.length + 1];
    input[0] = (byte) t.ordinal();
    System.arraycopy(file, 0, input, 1, file.length);
    Files.write(corpus.resolve("seed-" + t.name().toLowerCase(java.util.Locale.ROOT) + "-" + tag), input);
  }
}
