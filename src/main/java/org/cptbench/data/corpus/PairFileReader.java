package org.cptbench.data.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cptbench.data.MalformedInputException;

/**
 * Reads explicit positive pairs from a UTF-8 file (plain or {@code .gz}): JSONL, one object {@code {"x": ...,
 * "y": ...}} a line (other fields ignored), or TSV, {@code x TAB y} a line (no header, exactly two fields). Blank
 * lines are skipped; anything else, including an empty x or y, is an error naming file and line.
 */
public final class PairFileReader {
  private PairFileReader() {}

  /** The two pair-file formats. */
  public enum Format {
    JSONL,
    TSV;

    /** JSONL for {@code .jsonl[.gz]}, TSV for anything else (e.g. {@code .tsv}). */
    public static Format detect(Path file) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      return name.endsWith(".jsonl") || name.endsWith(".jsonl.gz") ? JSONL : TSV;
    }
  }

  public static List<TextPair> read(Path file) {
    return read(file, Format.detect(file));
  }

  public static List<TextPair> read(Path file, Format format) {
    List<TextPair> pairs = new ArrayList<>();
    for (Lines.Line line : Lines.read(file, Lines.Decoding.STRICT_UTF8)) {
      if (line.text().isBlank()) {
        continue;
      }
      String x;
      String y;
      if (format == Format.JSONL) {
        JsonNode node = TextFileReader.parseObject(file, line);
        JsonNode xn = node.get("x");
        JsonNode yn = node.get("y");
        if (xn == null || !xn.isTextual() || yn == null || !yn.isTextual()) {
          throw new MalformedInputException(file, line.number(), "expected string fields \"x\" and \"y\"");
        }
        x = xn.asText();
        y = yn.asText();
      } else {
        String[] f = line.text().split("\t", -1);
        if (f.length != 2) {
          throw new MalformedInputException(
              file, line.number(), "expected 2 TAB-separated fields (x, y), found " + f.length);
        }
        x = f[0];
        y = f[1];
      }
      if (x.isBlank() || y.isBlank()) {
        throw new MalformedInputException(file, line.number(), (x.isBlank() ? "x" : "y") + " is empty");
      }
      pairs.add(new TextPair(x, y));
    }
    return pairs;
  }

  /** True when the first non-blank line of a JSONL file is an object with an {@code x} field (a pair file). */
  static boolean looksLikePairs(Path file) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Lines.open(file), StandardCharsets.UTF_8))) {
      String text;
      long number = 0;
      while ((text = r.readLine()) != null) {
        number++;
        if (!text.isBlank()) {
          JsonNode node = TextFileReader.parseObject(file, new Lines.Line(number, text.replace("\uFEFF", "")));
          return node.has("x") && node.has("y") && !node.has("text");
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
