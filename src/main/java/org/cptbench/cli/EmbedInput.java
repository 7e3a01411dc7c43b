package org.cptbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.cptbench.CptbenchException;
import org.cptbench.data.MalformedInputException;
import org.cptbench.util.Json;

/**
 * The texts of {@code ./harness embed --input FILE}, UTF-8 (gunzipped when the name ends in {@code .gz}); lines end
 * at {@code \n} only (a trailing {@code \r} and a leading byte-order mark are dropped; U+2028 stays inside a line).
 *
 * <ul>
 *   <li>{@link Format#LINES}: every line is one text, blank lines included, so output row i is input line i+1;
 *   <li>{@link Format#JSONL}: every non-blank line is a JSON object with a string field {@code text}; output row i is
 *       the i-th object.
 * </ul>
 */
final class EmbedInput {
  /** How the input file is read. */
  enum Format {
    LINES,
    JSONL;

    /** The format for an option value; {@code auto} picks JSONL for names ending in .jsonl or .jsonl.gz. */
    static Format parse(String value, Path file) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      return switch (v) {
        case "lines" -> LINES;
        case "jsonl" -> JSONL;
        case "auto" -> {
          String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
          yield name.endsWith(".jsonl") || name.endsWith(".jsonl.gz") ? JSONL : LINES;
        }
        default ->
            throw new CptbenchException("--input-format: unknown value '" + value + "'; allowed: auto, lines, jsonl");
      };
    }
  }

  private EmbedInput() {}

  /** The texts of {@code file} in order. */
  static List<String> read(Path file, Format format) {
    byte[] bytes;
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<String> texts = new ArrayList<>();
    int start = 0;
    long number = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      String line = decode(bytes, start, end, file, ++number);
      if (format == Format.LINES) {
        texts.add(line);
      } else if (!line.isBlank()) {
        texts.add(jsonText(line, file, number));
      }
      start = end + 1;
    }
    return texts;
  }

  private static String decode(byte[] bytes, int from, int to, Path file, long number) {
    if (number == 1 && to - from >= 3 && (bytes[from] & 0xFF) == 0xEF && (bytes[from + 1] & 0xFF) == 0xBB
        && (bytes[from + 2] & 0xFF) == 0xBF) {
      from += 3;
    }
    if (to > from && bytes[to - 1] == '\r') {
      to--;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedInputException(file, number, "not valid UTF-8 text");
    }
  }

  private static String jsonText(String line, Path file, long number) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new MalformedInputException(
          file, number, "not a JSON object (" + e.getOriginalMessage() + "); expected {\"text\": \"...\"}");
    }
    JsonNode text = node == null ? null : node.get("text");
    if (text == null || !text.isTextual()) {
      throw new MalformedInputException(file, number, "expected a JSON object with a string field \"text\"");
    }
    return text.asText();
  }
}
