package org.cptbench.data.code;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.cptbench.CptbenchException;
import org.cptbench.data.MalformedInputException;
import org.cptbench.util.Json;

/**
 * Reads and writes CodeSearchNet jsonl ({@code .jsonl}, or gzip-compressed {@code .jsonl.gz}): one JSON object per
 * line with the fields of {@link CsnRecord#FIELDS}. Reading is lenient about what CodeXGLUE renamed or dropped and
 * strict about types: {@code code} (or AdvTest's {@code function}) must be a string; {@code docstring} a string and/or
 * {@code docstring_tokens} (CodeXGLUE's CoSQA writes them as one space-separated string) present; every other field,
 * when present, of its official type. A missing {@code url} becomes {@code <file name>#L<line>}, a missing
 * {@code partition} the given default. Blank lines are skipped; anything else that is not such an object is a
 * {@link MalformedInputException} naming the file and the line.
 */
public final class CsnJsonl {
  private CsnJsonl() {}

  /** Every record of a file; {@code partition} fills records without one. */
  public static List<CsnRecord> read(Path file, String partition) {
    List<CsnRecord> out = new ArrayList<>();
    forEach(file, partition, out::add);
    return out;
  }

  /** Streams the records of a file (see the class comment). */
  public static void forEach(Path file, String partition, Consumer<CsnRecord> sink) {
    try (InputStream in = open(file);
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(
                    in,
                    StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16)) {
      long line = 0;
      while (true) {
        String text;
        try {
          text = r.readLine();
        } catch (CharacterCodingException e) {
          throw new MalformedInputException(file, line + 1, "not valid UTF-8 text (" + e + ")");
        }
        if (text == null) {
          break;
        }
        line++;
        if (text.isBlank()) {
          continue;
        }
        sink.accept(parse(file, line, text, partition));
      }
    } catch (NoSuchFileException e) {
      throw new CptbenchException("file not found: " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** One record from one line of text. */
  static CsnRecord parse(Path file, long line, String text, String partition) {
    JsonNode n;
    try {
      n = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new MalformedInputException(file, line, "not valid JSON: " + e.getOriginalMessage());
    }
    if (n == null || !n.isObject()) {
      throw new MalformedInputException(file, line, "expected a JSON object per line (a CodeSearchNet record)");
    }
    String code = string(file, line, n, n.has("code") ? "code" : "function", null);
    if (code == null || code.isBlank()) {
      throw new MalformedInputException(file, line, "expected a non-blank string field \"code\" (or \"function\")");
    }
    String docstring = string(file, line, n, "docstring", null);
    List<String> docTokens = tokens(file, line, n, "docstring_tokens");
    if (docstring == null && docTokens == null) {
      throw new MalformedInputException(file, line, "expected a field \"docstring\" or \"docstring_tokens\"");
    }
    List<String> codeTokens = tokens(file, line, n, n.has("code_tokens") ? "code_tokens" : "function_tokens");
    String url = string(file, line, n, "url", null);
    return new CsnRecord(
        string(file, line, n, "repo", ""),
        string(file, line, n, "path", ""),
        string(file, line, n, "func_name", ""),
        string(file, line, n, "original_string", code),
        string(file, line, n, "language", ""),
        code,
        codeTokens == null ? List.of() : codeTokens,
        docstring == null ? "" : docstring,
        docTokens == null ? List.of() : docTokens,
        url == null ? file.getFileName() + "#L" + line : url,
        string(file, line, n, "partition", partition));
  }

  private static String string(Path file, long line, JsonNode n, String field, String absent) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return absent;
    }
    if (!v.isTextual()) {
      throw new MalformedInputException(
          file, line, "field \"" + field + "\" must be a string, found " + v.getNodeType().name().toLowerCase());
    }
    return v.asText();
  }

  private static List<String> tokens(Path file, long line, JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.asText().isBlank() ? List.of() : List.of(v.asText().strip().split("\\s+"));
    }
    if (!v.isArray()) {
      throw new MalformedInputException(file, line, "field \"" + field + "\" must be a list of strings");
    }
    List<String> out = new ArrayList<>(v.size());
    for (JsonNode t : v) {
      if (!t.isTextual()) {
        throw new MalformedInputException(file, line, "field \"" + field + "\" must be a list of strings");
      }
      out.add(t.asText());
    }
    return out;
  }

  /** Writes records as CodeSearchNet jsonl (gzip when the name ends in {@code .gz}), fields in the official order. */
  public static void write(Path file, List<CsnRecord> records) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (OutputStream raw = Files.newOutputStream(tmp);
          OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
          Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
        for (CsnRecord r : records) {
          w.write(Json.compact(toJson(r)));
          w.write('\n');
        }
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The record as a JSON object with the official field names. */
  public static ObjectNode toJson(CsnRecord r) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("repo", r.repo());
    o.put("path", r.path());
    o.put("func_name", r.funcName());
    o.put("original_string", r.originalString());
    o.put("language", r.language());
    o.put("code", r.code());
    ArrayNode ct = o.putArray("code_tokens");
    r.codeTokens().forEach(ct::add);
    o.put("docstring", r.docstring());
    ArrayNode dt = o.putArray("docstring_tokens");
    r.docstringTokens().forEach(dt::add);
    o.put("url", r.url());
    o.put("partition", r.partition());
    return o;
  }

  static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
  }
}
