package org.cptbench.data.code;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.CRC32;
import org.cptbench.CptbenchException;
import org.cptbench.data.builtin.JavadocText;
import org.cptbench.data.builtin.SourcesJarReader;
import org.cptbench.util.Json;

/**
 * {@code datasets build-code}: CodeSearchNet-style function-level pairs from real packages, split by package.
 *
 * <ol>
 *   <li>Every documented function of every package ({@link PythonFunctionExtractor}, {@link JsDocExtractor},
 *       Javadoc methods via {@link SourcesJarReader#documented}); query = the first docstring paragraph (Java: the
 *       Javadoc's first sentence, its summary by the javadoc tool's rule), code = the function without it.
 *   <li>{@link CodeFilters} (query &gt;= 3 tokens, code &gt;= 3 lines, no tests, no constructors or standard
 *       methods); exact duplicates (whitespace-normalised code) after their first occurrence are dropped.
 *   <li>Packages go to splits whole: the {@code test} and {@code valid} lists when given, otherwise in the order of
 *       CRC32(seed + name) into test until it holds {@value #TEST_SHARE} of the pairs, then valid until
 *       {@value #VALID_SHARE}; the rest train.
 *   <li>{@link NearDuplicates} across splits: valid and test functions that are near duplicates of a train function
 *       are removed, then test functions that are near duplicates of a valid one.
 * </ol>
 *
 * Writes {@code train.jsonl.gz}, {@code valid.jsonl.gz}, {@code test.jsonl.gz} (CodeSearchNet jsonl),
 * {@code provenance.json} (per package: registry, version, licence, split, counts) and {@code counts.json}.
 */
public final class CodePairBuilder {
  public static final double TEST_SHARE = 0.2;
  public static final double VALID_SHARE = 0.1;
  public static final List<String> LANGUAGES = List.of("java", "python", "javascript");

  /**
   * What to build.
   *
   * @param language java, python or javascript
   * @param packages Maven coordinates, Debian package names or npm package specs
   * @param test packages of the test split (empty: automatic)
   * @param valid packages of the valid split
   * @param seed seed of the automatic split order
   * @param out output folder
   * @param workDir where npm packages are unpacked
   */
  public record Options(
      String language, List<String> packages, List<String> test, List<String> valid, long seed, Path out,
      Path workDir) {
    public Options {
      if (!LANGUAGES.contains(language)) {
        throw new CptbenchException("--language: '" + language + "', allowed: " + LANGUAGES);
      }
      if (packages.isEmpty()) {
        throw new CptbenchException("--packages: at least one package is needed");
      }
      for (String p : concat(test, valid)) {
        if (!packages.contains(p)) {
          throw new CptbenchException("--test/--valid: '" + p + "' is not one of --packages " + packages);
        }
      }
      if (new HashSet<>(test).removeAll(valid)) {
        throw new CptbenchException("--test and --valid name the same package");
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private record Pkg(String spec, PackageSource source, List<CsnRecord> records, Map<String, Long> counts) {}

  private CodePairBuilder() {}

  /** Builds and writes the data set; returns counts.json's content. */
  public static ObjectNode build(Options o, PrintWriter log) {
    Set<String> extensions = switch (o.language()) {
      case "java" -> Set.of("java");
      case "python" -> Set.of("py");
      default -> Set.of("js", "mjs", "cjs", "ts", "tsx", "jsx");
    };
    Set<String> seenCode = new HashSet<>();
    List<Pkg> pkgs = new ArrayList<>();
    for (String spec : o.packages()) {
      PackageSource src = switch (o.language()) {
        case "java" -> MavenSourcesPackage.of(spec);
        case "python" -> DebianPackage.of(spec);
        default -> NpmPackage.of(spec, o.workDir());
      };
      List<CsnRecord> records = new ArrayList<>();
      Map<String, Long> counts = new LinkedHashMap<>();
      src.forEachFile(extensions, (path, text) -> {
        counts.merge("files", 1L, Long::sum);
        for (SourceFunction f : extract(o.language(), path, text)) {
          counts.merge("documented", 1L, Long::sum);
          String query = query(o.language(), f.docstring());
          String reason = CodeFilters.reject(o.language(), path, f, query);
          if (reason == null && !seenCode.add(f.code().strip().replaceAll("\\s+", " "))) {
            reason = "duplicate";
          }
          if (reason != null) {
            counts.merge("dropped." + reason, 1L, Long::sum);
            continue;
          }
          records.add(record(o.language(), src, path, f, query));
        }
      });
      counts.put("pairs", (long) records.size());
      log.printf("  %s %s %s (%s): %d pairs%n", src.ecosystem(), src.name(), src.version(), src.licence(),
          records.size());
      log.flush();
      pkgs.add(new Pkg(spec, src, records, counts));
    }
    Map<String, String> split = assignSplits(o, pkgs);
    Map<String, List<CsnRecord>> bySplit = new LinkedHashMap<>();
    for (String s : List.of("train", "valid", "test")) {
      bySplit.put(s, new ArrayList<>());
    }
    for (Pkg p : pkgs) {
      for (CsnRecord r : p.records()) {
        bySplit.get(split.get(p.spec())).add(withPartition(r, split.get(p.spec())));
      }
    }
    ObjectNode counts = Json.MAPPER.createObjectNode();
    counts.put("language", o.language());
    ObjectNode removed = counts.putObject("nearDuplicatesRemoved");
    NearDuplicates train = index(bySplit.get("train"));
    removeNear(bySplit, "valid", train, removed.putObject("valid_vs_train"));
    removeNear(bySplit, "test", train, removed.putObject("test_vs_train"));
    removeNear(bySplit, "test", index(bySplit.get("valid")), removed.putObject("test_vs_valid"));
    ObjectNode splits = counts.putObject("splits");
    for (var e : bySplit.entrySet()) {
      ObjectNode s = splits.putObject(e.getKey());
      s.put("pairs", e.getValue().size());
      ArrayNode names = s.putArray("packages");
      pkgs.stream().filter(p -> split.get(p.spec()).equals(e.getKey())).forEach(p -> names.add(p.source().name()));
      CsnJsonl.write(o.out().resolve(e.getKey() + ".jsonl.gz"), e.getValue());
    }
    ArrayNode prov = Json.MAPPER.createArrayNode();
    for (Pkg p : pkgs) {
      ObjectNode n = prov.addObject();
      n.put("ecosystem", p.source().ecosystem());
      n.put("package", p.source().name());
      n.put("version", p.source().version());
      n.put("licence", p.source().licence());
      n.put("split", split.get(p.spec()));
      p.counts().forEach(n::put);
    }
    Json.writeFile(o.out().resolve("provenance.json"), prov);
    Json.writeFile(o.out().resolve("counts.json"), counts);
    return counts;
  }

  static List<SourceFunction> extract(String language, String path, String text) {
    return switch (language) {
      case "java" -> SourcesJarReader.documented(text, path);
      case "python" -> PythonFunctionExtractor.extract(text, module(path));
      default -> JsDocExtractor.extract(text);
    };
  }

  /** The query: Java's Javadoc summary sentence, else the first docstring paragraph. */
  static String query(String language, String docstring) {
    String p = DocstringText.firstParagraph(docstring);
    return language.equals("java") ? JavadocText.firstSentence(p) : p;
  }

  /** {@code /usr/lib/python3/dist-packages/numpy/linalg/linalg.py} -> {@code numpy.linalg.linalg}. */
  static String module(String path) {
    String p = path.replace('\\', '/');
    int k = p.indexOf("-packages/");
    if (k >= 0) {
      p = p.substring(k + "-packages/".length());
    }
    p = p.replaceAll("\\.py$", "").replaceAll("/__init__$", "");
    return p.replace('/', '.');
  }

  private static CsnRecord record(String language, PackageSource src, String path, SourceFunction f, String query) {
    String url = src.ecosystem() + ":" + src.name() + "@" + src.version() + "/" + path + "#L" + f.line() + "-L"
        + f.endLine();
    return new CsnRecord(src.ecosystem() + ":" + src.name(), path, f.name(), f.originalString(), language, f.code(),
        f.codeTokens(), f.docstring(), DocstringText.tokens(query), url, "");
  }

  private static CsnRecord withPartition(CsnRecord r, String partition) {
    return new CsnRecord(r.repo(), r.path(), r.funcName(), r.originalString(), r.language(), r.code(), r.codeTokens(),
        r.docstring(), r.docstringTokens(), r.url(), partition);
  }

  private static Map<String, String> assignSplits(Options o, List<Pkg> pkgs) {
    Map<String, String> split = new LinkedHashMap<>();
    if (!o.test().isEmpty()) {
      for (Pkg p : pkgs) {
        split.put(p.spec(), o.test().contains(p.spec()) ? "test" : o.valid().contains(p.spec()) ? "valid" : "train");
      }
      return split;
    }
    long total = pkgs.stream().mapToLong(p -> p.records().size()).sum();
    Function<Pkg, Long> key = p -> {
      CRC32 crc = new CRC32();
      crc.update((o.seed() + ":" + p.spec()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return crc.getValue();
    };
    long test = 0;
    long valid = 0;
    for (Pkg p : pkgs.stream().sorted(Comparator.comparing(key)).toList()) {
      if (test < TEST_SHARE * total) {
        split.put(p.spec(), "test");
        test += p.records().size();
      } else if (valid < VALID_SHARE * total) {
        split.put(p.spec(), "valid");
        valid += p.records().size();
      } else {
        split.put(p.spec(), "train");
      }
    }
    return split;
  }

  private static NearDuplicates index(List<CsnRecord> records) {
    NearDuplicates d = new NearDuplicates();
    records.forEach(r -> d.add(String.join(" ", r.docstringTokens()), r.code()));
    return d;
  }

  private static void removeNear(
      Map<String, List<CsnRecord>> bySplit, String split, NearDuplicates reference, ObjectNode counts) {
    List<CsnRecord> kept = new ArrayList<>();
    long byDoc = 0;
    long byCode = 0;
    for (CsnRecord r : bySplit.get(split)) {
      NearDuplicates.Reason reason = reference.match(String.join(" ", r.docstringTokens()), r.code());
      if (reason == null) {
        kept.add(r);
      } else if (reason == NearDuplicates.Reason.DOCSTRING) {
        byDoc++;
      } else {
        byCode++;
      }
    }
    bySplit.put(split, kept);
    counts.put("docstring", byDoc);
    counts.put("code", byCode);
  }
}
