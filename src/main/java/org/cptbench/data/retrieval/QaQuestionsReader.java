package org.cptbench.data.retrieval;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cptbench.CptbenchException;
import org.cptbench.data.LineReader;
import org.cptbench.data.MalformedInputException;
import org.cptbench.util.Json;

/**
 * Reads open-domain QA questions in the three layouts in use, chosen from the first non-space character:
 *
 * <ul>
 *   <li>first character an opening brace: JSONL, one {@code {"question": ..., "answer": [...]}} per line
 *       (NQ-open; anserini's WebQ, CuratedTREC, SQuAD topics); the key {@code answers} is accepted too (DPR's
 *       {@code JsonlQASrc}), a single string is a one-answer list;
 *   <li>first character an opening bracket: DPR's JSON, an array of {@code {"question", "answers",
 *       "positive_ctxs", ...}} objects (read element by element);
 *   <li>otherwise DPR's QA CSV ({@code nq-test.qa.csv}, anserini {@code topics.dpr.*.txt}): {@code question TAB
 *       ['answer', ...]} records read like Python's {@code csv.reader(delimiter="\t")} (see {@link PythonCsv}) with the
 *       answer list parsed as a Python literal ({@link PythonLiteral}); CRLF line ends are accepted.
 * </ul>
 *
 * Questions are kept verbatim (DPR's own {@code normalize_question}, which replaces U+2019 by an apostrophe, is left to
 * the model's input pipeline).
 */
public final class QaQuestionsReader {
  private QaQuestionsReader() {}

  /** The layout of {@code file}: {@code jsonl}, {@code json} or {@code csv}. */
  static String layout(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4096);
      boolean bom =
          head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
      int i = bom ? 3 : 0;
      while (i < head.length && Character.isWhitespace(head[i])) {
        i++;
      }
      if (i < head.length && head[i] == '{') {
        return "jsonl";
      }
      if (i < head.length && head[i] == '[') {
        return "json";
      }
      return "csv";
    } catch (IOException e) {
      throw new CptbenchException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Whether the first record of {@code file} looks like a question with answers in one of the layouts. */
  static boolean looksLikeQuestions(Path file) {
    try {
      return switch (layout(file)) {
        case "jsonl" -> {
          try (LineReader r = LineReader.utf8(file)) {
            String line = r.next();
            yield line != null && BeirFormat.parse(r, line).has("question");
          }
        }
        case "json" -> true;
        default -> {
          try (LineReader r = LineReader.utf8(file)) {
            List<String> f = new PythonCsv(r).next();
            yield f != null && f.size() == 2 && f.get(1).strip().startsWith("[");
          }
        }
      };
    } catch (CptbenchException e) {
      return false;
    }
  }

  /** All questions of {@code file}; malformed records are errors naming the file and line. */
  public static List<QaQuestion> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CptbenchException("file not found: " + file);
    }
    return switch (layout(file)) {
      case "jsonl" -> readJsonl(file);
      case "json" -> readJson(file);
      default -> readCsv(file);
    };
  }

  private static List<QaQuestion> readJsonl(Path file) {
    List<QaQuestion> out = new ArrayList<>();
    try (LineReader r = LineReader.utf8(file)) {
      for (String line = r.next(); line != null; line = r.next()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = BeirFormat.parse(r, line);
        try {
          out.add(fromJson(n));
        } catch (IllegalArgumentException e) {
          throw r.error(e.getMessage());
        }
      }
    }
    return out;
  }

  private static QaQuestion fromJson(JsonNode n) {
    JsonNode q = n.get("question");
    if (q == null || !q.isTextual()) {
      throw new IllegalArgumentException("missing string field \"question\"");
    }
    JsonNode a = n.has("answer") ? n.get("answer") : n.get("answers");
    if (a == null) {
      throw new IllegalArgumentException("missing field \"answer\" (or \"answers\")");
    }
    List<String> answers = new ArrayList<>();
    if (a.isTextual()) {
      answers.add(a.asText());
    } else if (a.isArray()) {
      for (JsonNode x : a) {
        if (!x.isValueNode() || x.isNull()) {
          throw new IllegalArgumentException("answers must be strings, got " + x);
        }
        answers.add(x.asText());
      }
    } else {
      throw new IllegalArgumentException("\"answer\" must be a string or a list of strings, got " + a.getNodeType());
    }
    return new QaQuestion(q.asText(), answers);
  }

  private static List<QaQuestion> readJson(Path file) {
    List<QaQuestion> out = new ArrayList<>();
    try (JsonParser p = Json.MAPPER.getFactory().createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new MalformedInputException(file, p.currentLocation().getLineNr(), "expected a JSON array of questions");
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        long line = p.currentLocation().getLineNr();
        JsonNode n = Json.MAPPER.readTree(p);
        try {
          out.add(fromJson(n));
        } catch (IllegalArgumentException e) {
          throw new MalformedInputException(file, line, "question " + (out.size() + 1) + ": " + e.getMessage());
        }
      }
      if (p.currentToken() != JsonToken.END_ARRAY) {
        throw new MalformedInputException(file, p.currentLocation().getLineNr(), "expected an object or ']'");
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new MalformedInputException(
          file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CptbenchException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static List<QaQuestion> readCsv(Path file) {
    List<QaQuestion> out = new ArrayList<>();
    try (LineReader r = LineReader.utf8(file)) {
      PythonCsv csv = new PythonCsv(r);
      for (List<String> f = csv.next(); f != null; f = csv.next()) {
        if (f.size() == 1 && f.getFirst().isEmpty()) {
          continue;
        }
        if (f.size() < 2) {
          throw new MalformedInputException(
              file, csv.recordLine(), "expected 'question TAB [answers]' (a Python list literal), found no TAB");
        }
        List<String> answers;
        try {
          answers = PythonLiteral.parseStringList(f.get(1));
        } catch (IllegalArgumentException e) {
          throw new MalformedInputException(file, csv.recordLine(), "answer list: " + e.getMessage());
        }
        try {
          out.add(new QaQuestion(f.getFirst(), answers));
        } catch (IllegalArgumentException e) {
          throw new MalformedInputException(file, csv.recordLine(), e.getMessage());
        }
      }
    }
    return out;
  }
}
