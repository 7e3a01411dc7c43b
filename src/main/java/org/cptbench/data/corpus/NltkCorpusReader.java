package org.cptbench.data.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.cptbench.CptbenchException;

/**
 * Reads an NLTK corpus zip (as distributed in nltk_data, {@code <name>.zip} with entries {@code <name>/...})
 * directly with {@link java.util.zip}. README, CONTENTS and cats.txt entries are skipped; entries are read in name
 * order; each line is UTF-8 when valid, else windows-1252 (several of these files mix encodings). Units are
 * sentences. Per corpus, after looking at the files:
 *
 * <ul>
 *   <li>{@code abc}: rural.txt and science.txt hold news items separated by blank lines (headline line, then one
 *       sentence a line): one document per item, id {@code abc/rural.txt#k}; a document per file would pair the last
 *       sentence of one story with the headline of the next.
 *   <li>{@code webtext}: firefox.txt (bug titles), singles.txt (ads) and wine.txt (tasting notes) are independent
 *       one-line entries: one document per line ({@code webtext/wine.txt:17}); overheard.txt holds conversations
 *       separated by blank lines: one document per conversation; grail.txt and pirates.txt (film scripts): one
 *       document per file.
 *   <li>{@code state_union}, {@code inaugural} and any other corpus: one document per file; every non-blank line is
 *       split with {@link SentenceSplitter}.
 *   <li>{@code movie_reviews}: one document per review file ({@code movie_reviews/neg/cv000_29416.txt}); the files
 *       are already one lower-cased, tokenised sentence a line: lines are kept as they are.
 *   <li>{@code brown}: one document per text ({@code brown/ca01}); each non-blank line is one sentence of {@code
 *       word/TAG} tokens: the tags (after the last {@code /}) are stripped and the words joined with {@link
 *       #detokenize} ({@code ``} and {@code ''} become {@code "}).
 * </ul>
 */
public final class NltkCorpusReader {
  /** The six corpora of the shared nltk_data folder. */
  public static final List<String> NAMES =
      List.of("abc", "webtext", "state_union", "inaugural", "movie_reviews", "brown");

  private static final Set<String> SKIPPED = Set.of("README", "CONTENTS", "cats.txt");
  private static final Set<String> ONE_DOC_PER_LINE = Set.of("firefox.txt", "singles.txt", "wine.txt");
  private static final Pattern BROWN_TEXT = Pattern.compile("c[a-r]\\d\\d");
  private static final Set<String> ATTACH_LEFT = Set.of(",", ".", ";", ":", "!", "?", ")", "]", "''", "'s", "n't");
  private static final Set<String> ATTACH_RIGHT = Set.of("(", "[", "``");

  private NltkCorpusReader() {}

  /** The documents of one corpus zip; the corpus name is the zip's file name without {@code .zip}. */
  public static List<Document> read(Path zip) {
    String corpus = zip.getFileName().toString().replaceFirst("\\.zip$", "");
    List<Document> docs = new ArrayList<>();
    try (ZipFile zf = new ZipFile(zip.toFile())) {
      List<? extends ZipEntry> entries =
          zf.stream().filter(e -> !e.isDirectory()).sorted((a, b) -> a.getName().compareTo(b.getName())).toList();
      for (ZipEntry entry : entries) {
        String base = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
        if (SKIPPED.contains(base) || (corpus.equals("brown") && !BROWN_TEXT.matcher(base).matches())) {
          continue;
        }
        Path source = Path.of(zip + "!" + entry.getName());
        List<Lines.Line> lines;
        try (var in = zf.getInputStream(entry)) {
          lines = Lines.read(in, source, Lines.Decoding.UTF8_ELSE_CP1252);
        }
        readEntry(corpus, entry.getName(), base, lines, docs);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read NLTK corpus " + zip, e);
    }
    if (docs.isEmpty()) {
      throw new CptbenchException(zip + ": no text entries found (expected an NLTK corpus zip)");
    }
    return docs;
  }

  private static void readEntry(String corpus, String name, String base, List<Lines.Line> lines, List<Document> out) {
    switch (corpus) {
      case "abc" -> blocks(name, lines, out);
      case "webtext" -> {
        if (ONE_DOC_PER_LINE.contains(base)) {
          for (Lines.Line line : lines) {
            addIfAny(out, name + ":" + line.number(), SentenceSplitter.split(line.text()));
          }
        } else if (base.equals("overheard.txt")) {
          blocks(name, lines, out);
        } else {
          addIfAny(out, name, sentencesOfLines(lines));
        }
      }
      case "movie_reviews" -> {
        List<String> units = new ArrayList<>();
        for (Lines.Line line : lines) {
          if (!line.text().isBlank()) {
            units.add(line.text().strip());
          }
        }
        addIfAny(out, name, units);
      }
      case "brown" -> {
        List<String> units = new ArrayList<>();
        for (Lines.Line line : lines) {
          String s = detokenize(untag(line.text()));
          if (!s.isBlank()) {
            units.add(s);
          }
        }
        addIfAny(out, name, units);
      }
      default -> addIfAny(out, name, sentencesOfLines(lines));
    }
  }

  /** One document per blank-line-separated block, id {@code name#k} (k from 1). */
  private static void blocks(String name, List<Lines.Line> lines, List<Document> out) {
    List<String> units = new ArrayList<>();
    int k = 0;
    for (Lines.Line line : lines) {
      if (line.text().isBlank()) {
        if (!units.isEmpty()) {
          out.add(new Document(name + "#" + ++k, units));
          units = new ArrayList<>();
        }
      } else {
        units.addAll(SentenceSplitter.split(line.text()));
      }
    }
    if (!units.isEmpty()) {
      out.add(new Document(name + "#" + ++k, units));
    }
  }

  private static List<String> sentencesOfLines(List<Lines.Line> lines) {
    List<String> units = new ArrayList<>();
    for (Lines.Line line : lines) {
      units.addAll(SentenceSplitter.split(line.text()));
    }
    return units;
  }

  private static void addIfAny(List<Document> out, String id, List<String> units) {
    if (!units.isEmpty()) {
      out.add(new Document(id, units));
    }
  }

  /** The words of a tagged Brown line: each whitespace token {@code word/TAG} loses {@code /TAG}. */
  static List<String> untag(String line) {
    List<String> words = new ArrayList<>();
    for (String token : line.strip().split("\\s+")) {
      if (token.isEmpty()) {
        continue;
      }
      int slash = token.lastIndexOf('/');
      String word = slash > 0 ? token.substring(0, slash) : token;
      words.add(word);
    }
    return words;
  }

  /**
   * Joins tokens into text: a space between tokens, except before {@code , . ; : ! ? ) ] ''} (and {@code 's},
   * {@code n't}) and after {@code ( [ ``}; {@code ``} and {@code ''} are written as {@code "}.
   */
  public static String detokenize(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    boolean glueNext = true;
    for (String t : tokens) {
      if (!glueNext && !ATTACH_LEFT.contains(t)) {
        sb.append(' ');
      }
      sb.append(t.equals("``") || t.equals("''") ? "\"" : t);
      glueNext = ATTACH_RIGHT.contains(t);
    }
    return sb.toString();
  }
}
