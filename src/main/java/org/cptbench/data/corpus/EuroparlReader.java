package org.cptbench.data.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.cptbench.data.MalformedInputException;

/**
 * Reads the Europarl line file of Lucene's test framework ({@code europarl.lines.txt[.gz]}): one document per line
 * {@code title TAB date TAB text}. The text is a window of a debate whose paragraphs are separated by runs of two
 * or more spaces; units are the sentences ({@link SentenceSplitter}) of each paragraph. Document id: {@code
 * <file name>:<line>}. Blank lines are skipped; a line without exactly three TAB-separated fields is an error that
 * names file and line.
 */
public final class EuroparlReader {
  private static final Pattern PARAGRAPHS = Pattern.compile(" {2,}");

  private EuroparlReader() {}

  public static List<Document> read(Path file) {
    List<Document> docs = new ArrayList<>();
    String name = file.getFileName().toString();
    for (Lines.Line line : Lines.read(file, Lines.Decoding.STRICT_UTF8)) {
      if (line.text().isBlank()) {
        continue;
      }
      String[] fields = line.text().split("\t", -1);
      if (fields.length != 3) {
        throw new MalformedInputException(
            file, line.number(), "expected 3 TAB-separated fields (title, date, text), found " + fields.length);
      }
      List<String> units = new ArrayList<>();
      for (String paragraph : PARAGRAPHS.split(fields[2])) {
        units.addAll(SentenceSplitter.split(paragraph));
      }
      if (!units.isEmpty()) {
        docs.add(new Document(name + ":" + line.number(), units));
      }
    }
    return docs;
  }
}
