package org.cptbench.data.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cptbench.CptbenchException;
import org.cptbench.data.MalformedInputException;

/**
 * Reads WordNet lexicographer data files ({@code data.noun}, {@code data.verb}, {@code data.adj}, {@code data.adv},
 * plain or {@code .gz}; format of WordNet's wndb(5)): {@code offset lex_filenum ss_type w_cnt (word lex_id){w_cnt}
 * ... | gloss}. Licence header lines (starting with two spaces) are skipped. {@code w_cnt} is hexadecimal; words
 * have {@code _} for spaces and adjectives may carry a {@code (a)/(p)/(ip)} marker, both undone.
 *
 * <p>The gloss is split at the first {@code ; "}: the part before is the definition (trailing {@code ;} removed),
 * each double-quoted string after it is an example ({@code "..." - Author} attributions are dropped).
 *
 * <p>Pairs: for every example, x = {@link Synset#head()} = lemma words and definition ({@code "dog, domestic dog,
 * Canis familiaris: a member of the genus Canis ..."}), y = the example. The lemmas are kept in x because the
 * examples use the lemma and the definition alone does not name it. Synsets without an example give no pair.
 */
public final class WordNetReader {
  /** The four data files, in this order. */
  public static final List<String> FILES = List.of("data.noun", "data.verb", "data.adj", "data.adv");

  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
  private static final Pattern MARKER = Pattern.compile("\\((a|p|ip)\\)$");

  private WordNetReader() {}

  /**
   * One synset.
   *
   * @param id {@code wordnet:<pos>:<offset>}
   * @param lemmas its words, with spaces
   * @param definition the gloss without examples
   * @param examples the quoted example sentences
   */
  public record Synset(String id, List<String> lemmas, String definition, List<String> examples) {
    public Synset {
      lemmas = List.copyOf(lemmas);
      examples = List.copyOf(examples);
    }

    /** {@code "lemma1, lemma2: definition"} (only the lemmas when the gloss has no definition). */
    public String head() {
      String words = String.join(", ", lemmas);
      return definition.isEmpty() ? words : words + ": " + definition;
    }

    /** The document [head, examples...]. */
    public Document toDocument() {
      List<String> units = new ArrayList<>();
      units.add(head());
      units.addAll(examples);
      return new Document(id, units);
    }

    /** (head, example) for each example. */
    public List<TextPair> pairs() {
      return examples.stream().map(e -> new TextPair(head(), e)).toList();
    }
  }

  /** All synsets of the data files in a directory (each as {@code data.<pos>} or {@code data.<pos>.gz}). */
  public static List<Synset> readDir(Path dir) {
    List<Synset> all = new ArrayList<>();
    for (String name : FILES) {
      Path plain = dir.resolve(name);
      Path gz = dir.resolve(name + ".gz");
      if (Files.exists(plain)) {
        all.addAll(read(plain));
      } else if (Files.exists(gz)) {
        all.addAll(read(gz));
      }
    }
    if (all.isEmpty()) {
      throw new CptbenchException(dir + ": no WordNet data files (expected " + FILES + ", plain or .gz)");
    }
    return all;
  }

  /** The synsets of one data file. */
  public static List<Synset> read(Path file) {
    String pos = file.getFileName().toString().replaceFirst("^data\\.", "").replaceFirst("\\.gz$", "");
    return parseLines(Lines.read(file, Lines.Decoding.STRICT_UTF8), file, pos);
  }

  /**
   * The synsets of one data file read from a stream (e.g. a classpath resource, not gunzipped).
   *
   * @param pos the part of speech of the file ({@code noun}, {@code verb}, {@code adj}, {@code adv})
   * @param source names the stream in errors
   */
  public static List<Synset> read(InputStream in, String pos, Path source) {
    try {
      return parseLines(Lines.read(in, source, Lines.Decoding.STRICT_UTF8), source, pos);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
  }

  private static List<Synset> parseLines(List<Lines.Line> lines, Path file, String pos) {
    List<Synset> out = new ArrayList<>();
    for (Lines.Line line : lines) {
      String text = line.text();
      if (text.startsWith("  ") || text.isBlank()) {
        continue;
      }
      out.add(parse(file, line.number(), pos, text));
    }
    return out;
  }

  static Synset parse(Path file, long lineNo, String pos, String text) {
    int bar = text.indexOf(" | ");
    if (bar < 0) {
      throw new MalformedInputException(file, lineNo, "expected a synset line with a ' | ' gloss");
    }
    String[] f = text.substring(0, bar).split(" ");
    int count;
    try {
      count = Integer.parseInt(f[3], 16);
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw new MalformedInputException(file, lineNo, "expected a hexadecimal word count as 4th field");
    }
    if (count < 1 || f.length < 4 + 2 * count) {
      throw new MalformedInputException(file, lineNo, "word count " + count + " but too few fields");
    }
    List<String> lemmas = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lemmas.add(MARKER.matcher(f[4 + 2 * i]).replaceFirst("").replace('_', ' '));
    }
    String gloss = text.substring(bar + 3).strip();
    int cut = gloss.indexOf("; \"");
    String definition = (cut >= 0 ? gloss.substring(0, cut) : gloss).strip();
    if (definition.endsWith(";")) {
      definition = definition.substring(0, definition.length() - 1).strip();
    }
    List<String> examples = new ArrayList<>();
    if (cut >= 0) {
      Matcher m = QUOTED.matcher(gloss.substring(cut));
      while (m.find()) {
        if (!m.group(1).isBlank()) {
          examples.add(m.group(1).strip());
        }
      }
    }
    return new Synset("wordnet:" + pos + ":" + f[0], lemmas, definition, examples);
  }
}
