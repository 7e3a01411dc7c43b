package org.cptbench.data.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.cptbench.data.MalformedInputException;
import org.cptbench.util.Json;

/**
 * Reads a user's UTF-8 text file (plain or {@code .gz}) as documents in one of the {@link TextFormat}s. Document
 * ids are {@code <file name>:<first line>} (JSONL: the record's {@code id} field when present). Invalid UTF-8, a
 * JSONL line that is not an object with a string {@code text} field, are errors naming file and line.
 */
public final class TextFileReader {
  private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");

  private TextFileReader() {}

  /** Reads with the format detected from the file name ({@link TextFormat#detect}). */
  public static List<Document> read(Path file) {
    return read(file, TextFormat.detect(file));
  }

  public static List<Document> read(Path file, TextFormat format) {
    String name = file.getFileName().toString();
    List<Lines.Line> lines = Lines.read(file, Lines.Decoding.STRICT_UTF8);
    List<Document> docs = new ArrayList<>();
    switch (format) {
      case LINES -> {
        for (Lines.Line line : lines) {
          add(docs, name + ":" + line.number(), SentenceSplitter.split(line.text()));
        }
      }
      case PARAGRAPHS -> {
        StringBuilder block = new StringBuilder();
        long first = 0;
        for (Lines.Line line : lines) {
          if (line.text().isBlank()) {
            add(docs, name + ":" + first, SentenceSplitter.split(block.toString()));
            block.setLength(0);
          } else {
            if (block.isEmpty()) {
              first = line.number();
            }
            block.append(line.text()).append('\n');
          }
        }
        add(docs, name + ":" + first, SentenceSplitter.split(block.toString()));
      }
      case JSONL -> {
        for (Lines.Line line : lines) {
          if (line.text().isBlank()) {
            continue;
          }
          JsonNode node = parseObject(file, line);
          JsonNode text = node.get("text");
          if (text == null || !text.isTextual()) {
            throw new MalformedInputException(file, line.number(), "expected a string field \"text\"");
          }
          JsonNode id = node.get("id");
          String docId = id != null && id.isValueNode() ? id.asText() : name + ":" + line.number();
          List<String> units = new ArrayList<>();
          for (String paragraph : BLANK_LINES.split(text.asText())) {
            units.addAll(SentenceSplitter.split(paragraph));
          }
          add(docs, docId, units);
        }
      }
    }
    return docs;
  }

  /** One JSON object per line; anything else is an error naming file and line. */
  static JsonNode parseObject(Path file, Lines.Line line) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(line.text());
    } catch (JsonProcessingException e) {
      throw new MalformedInputException(
          file, line.number(), "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new MalformedInputException(file, line.number(), "expected a JSON object per line");
    }
    return node;
  }

  private static void add(List<Document> docs, String id, List<String> units) {
    if (!units.isEmpty()) {
      docs.add(new Document(id, units));
    }
  }
}
